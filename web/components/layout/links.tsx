'use client';
// MUI components rendered as Next links. They live in a client module because a server component
// cannot pass the Link component (a function) as a prop to MUI's client components.
import Button, { type ButtonProps } from '@mui/material/Button';
import CardActionArea, { type CardActionAreaProps } from '@mui/material/CardActionArea';
import Typography, { type TypographyProps } from '@mui/material/Typography';
import Link from 'next/link';

type WithHref<P> = Omit<P, 'href' | 'component' | 'ref'> & { href: string };

export function LinkButton(props: WithHref<ButtonProps<'a'>>) {
  return <Button component={Link} {...props} />;
}

export function LinkCardAction(props: WithHref<CardActionAreaProps<'a'>>) {
  return <CardActionArea component={Link} {...props} />;
}

export function LinkTypography(props: WithHref<TypographyProps<'a'>>) {
  return <Typography component={Link} {...props} />;
}
