'use client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useActionState } from 'react';
import { signIn, signUp, type AuthFormState } from './actions';
import { ForgetOnSignIn } from '../pwa/forget-on-sign-in';

export function AuthForm({ kind, next }: { kind: 'signin' | 'signup'; next: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(kind === 'signup' ? signUp : signIn, {
    error: null,
    email: '',
  });
  return (
    <Box component="form" action={action} sx={{ display: 'grid', gap: 2, maxWidth: 420 }} noValidate={false}>
      <ForgetOnSignIn />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" type="email" label="Email" autoComplete="email" required defaultValue={state.email} />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete={kind === 'signup' ? 'new-password' : 'current-password'}
        required
        helperText={kind === 'signup' ? 'At least 8 characters' : undefined}
        slotProps={{ htmlInput: { minLength: kind === 'signup' ? 8 : 1, maxLength: 128 } }}
      />
      {state.error && (
        <Alert severity="error" role="alert">
          {state.error}
        </Alert>
      )}
      <Button type="submit" variant="contained" size="large" disabled={pending}>
        {pending ? 'Please wait…' : kind === 'signup' ? 'Create account' : 'Sign in'}
      </Button>
    </Box>
  );
}
