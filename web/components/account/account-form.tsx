'use client';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useActionState } from 'react';
import {
  AccountFormState,
  changePassword,
  confirmPasswordReset,
  requestPasswordReset,
  resendVerification,
  verifyEmail,
} from './actions';

const ACTIONS = {
  'change-password': changePassword,
  'forgot-password': requestPasswordReset,
  'reset-password': confirmPasswordReset,
  'verify-email': verifyEmail,
  'resend-verification': resendVerification,
} as const;

export type AccountFormKind = keyof typeof ACTIONS;

const SUBMIT: Record<AccountFormKind, string> = {
  'change-password': 'Change password',
  'forgot-password': 'Email me a reset link',
  'reset-password': 'Set new password',
  'verify-email': 'Confirm my email',
  'resend-verification': 'Send the link again',
};

/** One small form per account action; the fields are the action's, the shape is the sign-in form's. */
export function AccountForm({ kind, token }: { kind: AccountFormKind; token?: string }) {
  const [state, action, pending] = useActionState<AccountFormState, FormData>(ACTIONS[kind], {
    error: null,
    done: null,
  });
  const password = (name: string, label: string, autoComplete: string, helperText?: string) => (
    <TextField
      name={name}
      type="password"
      label={label}
      autoComplete={autoComplete}
      required
      helperText={helperText}
      slotProps={{ htmlInput: { minLength: name === 'newPassword' ? 8 : 1, maxLength: 128 } }}
    />
  );
  return (
    <Box component="form" action={action} sx={{ display: 'grid', gap: 2, maxWidth: 420 }} data-testid={kind}>
      {token !== undefined && <input type="hidden" name="token" value={token} />}
      {kind === 'forgot-password' && (
        <TextField name="email" type="email" label="Email" autoComplete="email" required />
      )}
      {kind === 'change-password' && password('currentPassword', 'Current password', 'current-password')}
      {(kind === 'change-password' || kind === 'reset-password') &&
        password('newPassword', 'New password', 'new-password', 'At least 8 characters')}
      {state.error && (
        <Alert severity="error" role="alert">
          {state.error}
        </Alert>
      )}
      {state.done && (
        <Alert severity="success" role="status">
          {state.done}
        </Alert>
      )}
      {!state.done && (
        <Button type="submit" variant="contained" size="large" disabled={pending}>
          {pending ? 'Please wait…' : SUBMIT[kind]}
        </Button>
      )}
    </Box>
  );
}
