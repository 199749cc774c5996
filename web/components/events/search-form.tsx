import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Search from '@mui/icons-material/Search';

/** A plain GET form: results are a shareable URL and work without JavaScript. */
export function SearchForm({ keyword = '', city = '', date = '', action = '/', extra }: { keyword?: string; city?: string; date?: string; action?: string; extra?: React.ReactNode }) {
  return (
    <Box component="form" role="search" aria-label="Search events" action={action} method="get" sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr auto' }, alignItems: 'start' }}>
      {extra}
      <TextField name="keyword" label="Artist, team or event" defaultValue={keyword} size="small" slotProps={{ htmlInput: { maxLength: 200 } }} />
      <TextField name="city" label="City" defaultValue={city} size="small" slotProps={{ htmlInput: { maxLength: 100 } }} />
      <TextField name="date" label="From date" type="date" defaultValue={date} size="small" slotProps={{ inputLabel: { shrink: true } }} />
      <Button type="submit" variant="contained" startIcon={<Search />} sx={{ height: 40 }}>
        Search
      </Button>
    </Box>
  );
}
