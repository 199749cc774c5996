import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { AccountForm } from './account-form';

/** Where payouts are shown: proceeds wait until the seller's address is verified. */
export function VerifyEmailBanner() {
  return (
    <Alert severity="warning" data-testid="verify-email-banner">
      <Stack spacing={1}>
        <span>
          Verify your email to get paid. We emailed you a link when you signed up; your proceeds wait until you click
          it.
        </span>
        <AccountForm kind="resend-verification" />
      </Stack>
    </Alert>
  );
}
