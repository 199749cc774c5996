/**
 * Venues used by the fixture events. Addresses and coordinates are the real ones so maps and
 * "near me" features look plausible; ids are invented but shaped like Ticketmaster venue ids.
 * Non-US/CA venues have no `state`, as on the real API.
 */
export interface VenueDefinition {
  id: string;
  name: string;
  city: string;
  state?: { name: string; stateCode: string };
  country: { name: string; countryCode: string };
  postalCode: string;
  line1: string;
  latitude: string;
  longitude: string;
  timezone: string;
  currency: string;
}

const US = { name: 'United States Of America', countryCode: 'US' };
const CA = { name: 'Canada', countryCode: 'CA' };
const GB = { name: 'Great Britain', countryCode: 'GB' };

export const venues = {
  metlife: {
    id: 'KovZR6Jjms63',
    name: 'MetLife Stadium',
    city: 'East Rutherford',
    state: { name: 'New Jersey', stateCode: 'NJ' },
    country: US,
    postalCode: '07073',
    line1: '1 MetLife Stadium Drive',
    latitude: '40.81361',
    longitude: '-74.07444',
    timezone: 'America/New_York',
    currency: 'USD',
  },
  msg: {
    id: 'KovZTcXmk7xZ',
    name: 'Madison Square Garden',
    city: 'New York',
    state: { name: 'New York', stateCode: 'NY' },
    country: US,
    postalCode: '10001',
    line1: '4 Pennsylvania Plaza',
    latitude: '40.7497',
    longitude: '-73.9919',
    timezone: 'America/New_York',
    currency: 'USD',
  },
  richardRodgers: {
    id: 'KovZLYnCvM87',
    name: 'Richard Rodgers Theatre',
    city: 'New York',
    state: { name: 'New York', stateCode: 'NY' },
    country: US,
    postalCode: '10036',
    line1: '226 West 46th Street',
    latitude: '40.7592',
    longitude: '-73.9866',
    timezone: 'America/New_York',
    currency: 'USD',
  },
  unitedCenter: {
    id: 'KovZmEy6Ghok',
    name: 'United Center',
    city: 'Chicago',
    state: { name: 'Illinois', stateCode: 'IL' },
    country: US,
    postalCode: '60612',
    line1: '1901 W. Madison Street',
    latitude: '41.8807',
    longitude: '-87.6742',
    timezone: 'America/Chicago',
    currency: 'USD',
  },
  wrigley: {
    id: 'KovZXcfGCM8L',
    name: 'Wrigley Field',
    city: 'Chicago',
    state: { name: 'Illinois', stateCode: 'IL' },
    country: US,
    postalCode: '60613',
    line1: '1060 W. Addison Street',
    latitude: '41.9484',
    longitude: '-87.6553',
    timezone: 'America/Chicago',
    currency: 'USD',
  },
  cryptoArena: {
    id: 'KovZmgpmdspD',
    name: 'Crypto.com Arena',
    city: 'Los Angeles',
    state: { name: 'California', stateCode: 'CA' },
    country: US,
    postalCode: '90015',
    line1: '1111 S. Figueroa Street',
    latitude: '34.0430',
    longitude: '-118.2673',
    timezone: 'America/Los_Angeles',
    currency: 'USD',
  },
  hollywoodBowl: {
    id: 'KovZopbZ4nbp',
    name: 'Hollywood Bowl',
    city: 'Los Angeles',
    state: { name: 'California', stateCode: 'CA' },
    country: US,
    postalCode: '90068',
    line1: '2301 N. Highland Avenue',
    latitude: '34.1122',
    longitude: '-118.3391',
    timezone: 'America/Los_Angeles',
    currency: 'USD',
  },
  chaseCenter: {
    id: 'KovZDMWzdBlA',
    name: 'Chase Center',
    city: 'San Francisco',
    state: { name: 'California', stateCode: 'CA' },
    country: US,
    postalCode: '94158',
    line1: '1 Warriors Way',
    latitude: '37.7680',
    longitude: '-122.3877',
    timezone: 'America/Los_Angeles',
    currency: 'USD',
  },
  redRocks: {
    id: 'KovZi40eOT0p',
    name: 'Red Rocks Amphitheatre',
    city: 'Morrison',
    state: { name: 'Colorado', stateCode: 'CO' },
    country: US,
    postalCode: '80465',
    line1: '18300 W. Alameda Parkway',
    latitude: '39.6654',
    longitude: '-105.2057',
    timezone: 'America/Denver',
    currency: 'USD',
  },
  ballArena: {
    id: 'KovZhgZoukic',
    name: 'Ball Arena',
    city: 'Denver',
    state: { name: 'Colorado', stateCode: 'CO' },
    country: US,
    postalCode: '80204',
    line1: '1000 Chopper Circle',
    latitude: '39.7487',
    longitude: '-105.0077',
    timezone: 'America/Denver',
    currency: 'USD',
  },
  ryman: {
    id: 'KovZE5VM6jMX',
    name: 'Ryman Auditorium',
    city: 'Nashville',
    state: { name: 'Tennessee', stateCode: 'TN' },
    country: US,
    postalCode: '37219',
    line1: '116 5th Avenue North',
    latitude: '36.1612',
    longitude: '-86.7785',
    timezone: 'America/Chicago',
    currency: 'USD',
  },
  fenway: {
    id: 'KovZwijUgzmw',
    name: 'Fenway Park',
    city: 'Boston',
    state: { name: 'Massachusetts', stateCode: 'MA' },
    country: US,
    postalCode: '02215',
    line1: '4 Jersey Street',
    latitude: '42.3467',
    longitude: '-71.0972',
    timezone: 'America/New_York',
    currency: 'USD',
  },
  scotiabank: {
    id: 'KovZbkwQRGW4',
    name: 'Scotiabank Arena',
    city: 'Toronto',
    state: { name: 'Ontario', stateCode: 'ON' },
    country: CA,
    postalCode: 'M5J 2X2',
    line1: '40 Bay Street',
    latitude: '43.6435',
    longitude: '-79.3791',
    timezone: 'America/Toronto',
    currency: 'CAD',
  },
  theO2: {
    id: 'KovZfOA5UB0n',
    name: 'The O2',
    city: 'London',
    country: GB,
    postalCode: 'SE10 0DX',
    line1: 'Peninsula Square',
    latitude: '51.5030',
    longitude: '0.0032',
    timezone: 'Europe/London',
    currency: 'GBP',
  },
} satisfies Record<string, VenueDefinition>;

export type VenueKey = keyof typeof venues;
