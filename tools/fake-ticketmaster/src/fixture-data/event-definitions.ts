import type { ClassificationKey } from './classifications';
import type { VenueKey } from './venues';

export type EventStatusCode = 'onsale' | 'offsale' | 'cancelled' | 'postponed' | 'rescheduled';

/**
 * One fixture event, independent of the clock: dates are offsets from the server's start so the
 * catalogue stays upcoming however long after this file was written the server runs.
 * Ids are fixed strings (never derived from the name) so tests elsewhere can rely on them.
 */
export interface EventDefinition {
  id: string;
  name: string;
  venue: VenueKey;
  classification: ClassificationKey;
  /** [name, id] of the headline act; omitted for events without attractions, as on the real API. */
  attraction?: [string, string];
  /** Local calendar days after the server's start date (at the venue). */
  dayOffset: number;
  /** `HH:mm:ss` at the venue, or null for "no specific time" (no localTime/dateTime sent). */
  localTime: string | null;
  status: EventStatusCode;
  /** Face-value range in the venue's currency; omitted like most real events today. */
  price?: [number, number];
  /** False for the events the real API sends without any image. */
  images?: boolean;
  /** False for the events the real API sends without `seatmap` (general admission, small rooms). */
  seatmap?: boolean;
  info?: string;
  pleaseNote?: string;
}

const swift: [string, string] = ['Taylor Swift', 'K8vZ9FOzX1C'];
const acdc: [string, string] = ['AC/DC', 'K8vZ95bYAgF'];
const beyonce: [string, string] = ['Beyoncé', 'K8vZ9XEIk7t'];
const coldplay: [string, string] = ['Coldplay', 'K8vZ9RpFh1R'];
const billie: [string, string] = ['Billie Eilish', 'K8vZ9wqEdNO'];
const kendrick: [string, string] = ['Kendrick Lamar', 'K8vZ9NWm6R8'];
const metallica: [string, string] = ['Metallica', 'K8vZ963aRub'];
const olivia: [string, string] = ['Olivia Rodrigo', 'K8vZ9h2fwWK'];
const stapleton: [string, string] = ['Chris Stapleton', 'K8vZ9HbsSs2'];
const zach: [string, string] = ['Zach Bryan', 'K8vZ9Dlcy1i'];
const springsteen: [string, string] = ['Bruce Springsteen', 'K8vZ9FZMbo7'];
const fooFighters: [string, string] = ['Foo Fighters', 'K8vZ9jWSdY7'];
const hozier: [string, string] = ['Hozier', 'K8vZ9xZbKbK'];
const laPhil: [string, string] = ['Los Angeles Philharmonic', 'K8vZ915Ei34'];
const opry: [string, string] = ['Grand Ole Opry', 'K8vZ9R4ypUG'];
const deadCo: [string, string] = ['Dead & Company', 'K8vZ9R7OFgI'];
const dua: [string, string] = ['Dua Lipa', 'K8vZ9T4gyWB'];
const hamilton: [string, string] = ['Hamilton (Touring)', 'K8vZ9gP76uh'];
const chappelle: [string, string] = ['Dave Chappelle', 'K8vZ9FDEEHa'];
const mulaney: [string, string] = ['John Mulaney', 'K8vZ9vHpBl4'];
const knicks: [string, string] = ['New York Knicks', 'K8vZ9xmAPZ6'];
const bulls: [string, string] = ['Chicago Bulls', 'K8vZ9ruRUCh'];
const lakers: [string, string] = ['Los Angeles Lakers', 'K8vZ9lR5LQe'];
const warriors: [string, string] = ['Golden State Warriors', 'K8vZ9cqGIjh'];
const nuggets: [string, string] = ['Denver Nuggets', 'K8vZ9oE4xTn'];
const cubs: [string, string] = ['Chicago Cubs', 'K8vZ9AfO2An'];
const redSox: [string, string] = ['Boston Red Sox', 'K8vZ98QalE5'];
const giants: [string, string] = ['New York Giants', 'K8vZ9Psoy6L'];
const leafs: [string, string] = ['Toronto Maple Leafs', 'K8vZ9ZfsTvm'];
const rangers: [string, string] = ['New York Rangers', 'K8vZ9ueNcC1'];
const wwe: [string, string] = ['WWE', 'K8vZ95pPzKL'];
const disneyOnIce: [string, string] = ['Disney On Ice', 'K8vZ9i4vzYw'];

const bagPolicy = 'Clear bag policy in effect. Bags larger than 12" x 6" x 12" will not be admitted.';
const ageNote = 'All ages. Children 2 and over require a ticket.';

// A table reads better than one object per 12 lines.
// prettier-ignore
export const eventDefinitions: EventDefinition[] = [
  // Taylor Swift: several dates, so keyword searches return more than one event.
  { id: 'vvG1OMw20GdtWRW4', name: 'Taylor Swift | The Eras Tour', venue: 'metlife', classification: 'pop', attraction: swift, dayOffset: 45, localTime: '18:30:00', status: 'onsale', price: [49.5, 899], info: 'The Eras Tour is a journey through all of Taylor Swift\'s musical eras.', pleaseNote: bagPolicy },
  { id: '1AvZn9qpK2rztUx', name: 'Taylor Swift | The Eras Tour', venue: 'metlife', classification: 'pop', attraction: swift, dayOffset: 46, localTime: '18:30:00', status: 'onsale', price: [49.5, 899], pleaseNote: bagPolicy, seatmap: false },
  { id: 'Z698xZayKJTXf8cu', name: 'Taylor Swift | The Eras Tour', venue: 'scotiabank', classification: 'pop', attraction: swift, dayOffset: 120, localTime: '19:00:00', status: 'onsale', price: [89, 1249] },
  { id: 'vvG12yTh0rGkFqYr', name: 'Taylor Swift | The Eras Tour', venue: 'theO2', classification: 'pop', attraction: swift, dayOffset: 200, localTime: '18:00:00', status: 'offsale', seatmap: false },
  // Punctuation-heavy names for URL-encoding tests.
  { id: 'vv1AYZ6aBPIpARR', name: 'AC/DC & friends #1', venue: 'redRocks', classification: 'rock', attraction: acdc, dayOffset: 30, localTime: '19:30:00', status: 'onsale', price: [75, 350], info: 'A one-night-only warm-up show with special guests.' },
  { id: 'Z7r9jZ1Axdh0mrB', name: 'AC/DC: Power Up Tour', venue: 'metlife', classification: 'rock', attraction: acdc, dayOffset: 95, localTime: '19:00:00', status: 'onsale', price: [65, 450] },
  { id: 'G5vfpSe7Mg4lAnoY', name: 'Beyoncé - Cowboy Carter Tour', venue: 'cryptoArena', classification: 'pop', attraction: beyonce, dayOffset: 60, localTime: '20:00:00', status: 'onsale', price: [95, 1500] },
  { id: 'Z698xZRx9eLjp1jqF', name: 'Beyoncé - Cowboy Carter Tour', venue: 'metlife', classification: 'pop', attraction: beyonce, dayOffset: 64, localTime: '20:00:00', status: 'onsale', price: [95, 1500] },
  { id: 'vvG1PcxT1OxZaA', name: 'Coldplay: Music of the Spheres World Tour', venue: 'chaseCenter', classification: 'rock', attraction: coldplay, dayOffset: 75, localTime: '19:30:00', status: 'onsale', price: [39.5, 325] },
  { id: 'vv1Azx9k1TAPgoqpe', name: 'Coldplay: Music of the Spheres World Tour', venue: 'theO2', classification: 'rock', attraction: coldplay, dayOffset: 160, localTime: '19:00:00', status: 'onsale', price: [55, 285] },
  { id: '1AvZqIjNpbTqWXPUHh', name: 'Billie Eilish - Hit Me Hard and Soft: The Tour', venue: 'unitedCenter', classification: 'pop', attraction: billie, dayOffset: 12, localTime: '20:00:00', status: 'onsale', price: [59.5, 399.5] },
  { id: 'vvG1gzxTddI3VAlYG', name: 'Billie Eilish - Hit Me Hard and Soft: The Tour', venue: 'msg', classification: 'pop', attraction: billie, dayOffset: 19, localTime: '20:00:00', status: 'rescheduled', price: [59.5, 399.5], info: 'This event has been rescheduled. Tickets for the original date are valid for the new date.' },
  { id: 'vvG1HvsrVNd5TF', name: 'Kendrick Lamar & SZA: Grand National Tour', venue: 'cryptoArena', classification: 'hipHop', attraction: kendrick, dayOffset: 88, localTime: '19:00:00', status: 'onsale', price: [79, 650] },
  { id: 'vvG18NPk8PtSyRg', name: 'Kendrick Lamar & SZA: Grand National Tour', venue: 'unitedCenter', classification: 'hipHop', attraction: kendrick, dayOffset: 92, localTime: '19:00:00', status: 'cancelled', price: [79, 650], info: 'This event has been cancelled. Refunds are available at the point of purchase.' },
  { id: '1AvZrqQIvBIecWrm', name: 'Metallica M72 World Tour', venue: 'metlife', classification: 'rock', attraction: metallica, dayOffset: 140, localTime: '17:30:00', status: 'onsale', price: [55, 495] },
  { id: 'G5vaakT55mY2QCZ', name: 'Metallica M72 World Tour - 2 Day Pass', venue: 'ballArena', classification: 'rock', attraction: metallica, dayOffset: 150, localTime: '18:00:00', status: 'onsale', price: [199, 899] },
  { id: 'Z7r9jZ1A8BZXK3S7s9', name: 'Olivia Rodrigo: GUTS World Tour', venue: 'ballArena', classification: 'pop', attraction: olivia, dayOffset: 22, localTime: '19:30:00', status: 'onsale', price: [49.5, 299.5] },
  { id: 'Z698xZp3TwlmiF4u', name: 'Olivia Rodrigo: GUTS World Tour', venue: 'scotiabank', classification: 'pop', attraction: olivia, dayOffset: 27, localTime: '19:30:00', status: 'postponed', price: [65, 350], info: 'This event has been postponed. A new date will be announced soon.' },
  { id: 'vvG1Ryt6g3MHN4xQU', name: "Chris Stapleton's All-American Road Show", venue: 'wrigley', classification: 'country', attraction: stapleton, dayOffset: 170, localTime: '18:00:00', status: 'onsale' },
  { id: 'Z698xZrrMzzvNJFPV', name: "Chris Stapleton's All-American Road Show", venue: 'fenway', classification: 'country', attraction: stapleton, dayOffset: 176, localTime: '18:00:00', status: 'onsale' },
  { id: 'Z7r9jZ1ADUm4LCPw', name: 'Zach Bryan - The Quittin Time Tour', venue: 'redRocks', classification: 'country', attraction: zach, dayOffset: 110, localTime: '19:00:00', status: 'onsale', price: [89.5, 250] },
  { id: 'Z7r9jZ1AjHybnmTHk', name: 'Bruce Springsteen and The E Street Band', venue: 'metlife', classification: 'rock', attraction: springsteen, dayOffset: 230, localTime: '19:30:00', status: 'onsale', price: [69.5, 549.5] },
  { id: 'G5vaC9xxOMp5Zd8pd', name: 'Bruce Springsteen and The E Street Band', venue: 'fenway', classification: 'rock', attraction: springsteen, dayOffset: 236, localTime: '19:30:00', status: 'onsale', price: [69.5, 549.5] },
  { id: '1AvZfrsRQDK0eUAG', name: 'Foo Fighters: Everything or Nothing at All Tour', venue: 'wrigley', classification: 'rock', attraction: fooFighters, dayOffset: 250, localTime: '18:30:00', status: 'onsale', images: false, seatmap: false },
  { id: 'vvG1k8xsz8opIxWpe4', name: 'Hozier: Unreal Unearth Tour', venue: 'hollywoodBowl', classification: 'rock', attraction: hozier, dayOffset: 33, localTime: '20:00:00', status: 'onsale', price: [45, 175] },
  { id: 'Z7r9jZ1ApHJ9Zb', name: 'Hozier: Unreal Unearth Tour', venue: 'ryman', classification: 'rock', attraction: hozier, dayOffset: 39, localTime: '20:00:00', status: 'offsale' },
  { id: 'vvG1bn8wwXNsDB0Z1o', name: "LA Phil: Beethoven's Ninth", venue: 'hollywoodBowl', classification: 'classical', attraction: laPhil, dayOffset: 8, localTime: '20:00:00', status: 'onsale', price: [18, 210] },
  { id: 'vv1AFkjoERQFLG', name: 'LA Phil: Tchaikovsky Spectacular with Fireworks', venue: 'hollywoodBowl', classification: 'classical', attraction: laPhil, dayOffset: 15, localTime: '20:00:00', status: 'onsale', price: [18, 210] },
  { id: 'vv1AGe4DrqZAIMryoN', name: 'Grand Ole Opry', venue: 'ryman', classification: 'country', attraction: opry, dayOffset: 3, localTime: '19:00:00', status: 'onsale', price: [54, 134] },
  { id: 'Z7r9jZ1AvBQTXaa', name: 'Grand Ole Opry', venue: 'ryman', classification: 'country', attraction: opry, dayOffset: 10, localTime: '19:00:00', status: 'onsale', price: [54, 134] },
  { id: 'vvG13Fg6xLDO5w', name: 'Grand Ole Opry', venue: 'ryman', classification: 'country', attraction: opry, dayOffset: 17, localTime: '19:00:00', status: 'onsale', price: [54, 134] },
  { id: 'vv1ASFWoebdohBi2u1', name: 'Opry Country Classics', venue: 'ryman', classification: 'country', attraction: opry, dayOffset: 24, localTime: null, status: 'onsale', seatmap: false },
  { id: 'vv1AIhTdxeZy7eYa', name: 'Dead & Company', venue: 'redRocks', classification: 'rock', attraction: deadCo, dayOffset: 190, localTime: '19:00:00', status: 'onsale', price: [75, 299] },
  { id: 'Z698xZ477HksScI0', name: 'Dua Lipa: Radical Optimism Tour', venue: 'theO2', classification: 'pop', attraction: dua, dayOffset: 70, localTime: '19:30:00', status: 'onsale', price: [55, 195] },
  { id: 'vv1AIzKAuS3N7X', name: 'Dua Lipa: Radical Optimism Tour', venue: 'msg', classification: 'pop', attraction: dua, dayOffset: 84, localTime: '20:00:00', status: 'onsale', price: [65, 425] },
  // Theatre and comedy.
  { id: 'vvG1MYsdtpr5vTtG', name: 'Hamilton', venue: 'richardRodgers', classification: 'theatre', attraction: hamilton, dayOffset: 5, localTime: '19:00:00', status: 'onsale', price: [99, 449], pleaseNote: 'Latecomers will be seated at the discretion of management.' },
  { id: 'G5vbB7fxyctkC6J', name: 'Hamilton', venue: 'richardRodgers', classification: 'theatre', attraction: hamilton, dayOffset: 6, localTime: '14:00:00', status: 'onsale', price: [99, 449], seatmap: false },
  { id: 'vvG1XGWdjwhA0Bl', name: 'Hamilton', venue: 'richardRodgers', classification: 'theatre', attraction: hamilton, dayOffset: 6, localTime: '20:00:00', status: 'onsale', price: [99, 449] },
  { id: 'vvG1UEIU8k2Z2Ew', name: 'Dave Chappelle Live', venue: 'msg', classification: 'comedy', attraction: chappelle, dayOffset: 55, localTime: '21:00:00', status: 'onsale', price: [59.5, 179.5], pleaseNote: 'This is a phone-free experience. Phones will be secured in Yondr pouches.' },
  { id: 'Z7r9jZ1ASx4TlLne', name: 'Dave Chappelle Live', venue: 'chaseCenter', classification: 'comedy', attraction: chappelle, dayOffset: 58, localTime: '21:00:00', status: 'cancelled' },
  { id: 'G5vTT0OLjxzn0J', name: 'John Mulaney: From Scratch', venue: 'ryman', classification: 'comedy', attraction: mulaney, dayOffset: 130, localTime: '19:00:00', status: 'onsale', price: [49.5, 125] },
  // Sports.
  { id: 'Z698xZpwIjZ3lN', name: 'New York Knicks vs. Boston Celtics', venue: 'msg', classification: 'basketball', attraction: knicks, dayOffset: 2, localTime: '19:30:00', status: 'onsale', price: [85, 2500] },
  { id: 'Z698xZ3p0uB39vS', name: 'New York Knicks vs. Miami Heat', venue: 'msg', classification: 'basketball', attraction: knicks, dayOffset: 9, localTime: '19:30:00', status: 'onsale', price: [65, 1800] },
  { id: 'vvG1MV3VrORnkZ', name: 'Chicago Bulls vs. Milwaukee Bucks', venue: 'unitedCenter', classification: 'basketball', attraction: bulls, dayOffset: 4, localTime: '19:00:00', status: 'onsale', price: [25, 850] },
  { id: 'Z7r9jZ1AQP6sUHpz', name: 'Chicago Bulls vs. Detroit Pistons', venue: 'unitedCenter', classification: 'basketball', attraction: bulls, dayOffset: 20, localTime: '19:00:00', status: 'onsale', images: false, seatmap: false },
  { id: 'Z7r9jZ1AATe93yKpc', name: 'Los Angeles Lakers vs. Golden State Warriors', venue: 'cryptoArena', classification: 'basketball', attraction: lakers, dayOffset: 7, localTime: '19:30:00', status: 'onsale', price: [120, 3200] },
  { id: 'Z7r9jZ1A75A7How2oW', name: 'Golden State Warriors vs. Denver Nuggets', venue: 'chaseCenter', classification: 'basketball', attraction: warriors, dayOffset: 14, localTime: '19:00:00', status: 'onsale', price: [95, 2100] },
  { id: 'vv1AnrsMVr7mYa33tg', name: 'Denver Nuggets vs. Phoenix Suns', venue: 'ballArena', classification: 'basketball', attraction: nuggets, dayOffset: 11, localTime: '19:00:00', status: 'onsale', price: [35, 900] },
  { id: 'vvG1nceIp44PwuDQjl', name: 'Chicago Cubs vs. St. Louis Cardinals', venue: 'wrigley', classification: 'baseball', attraction: cubs, dayOffset: 150, localTime: '13:20:00', status: 'onsale', price: [22, 310] },
  { id: 'Z7r9jZ1AgbWNg5', name: 'Chicago Cubs vs. Milwaukee Brewers', venue: 'wrigley', classification: 'baseball', attraction: cubs, dayOffset: 157, localTime: '19:05:00', status: 'onsale', images: false },
  { id: 'vvG10Gn6vwTVYWa0H', name: 'Boston Red Sox vs. New York Yankees', venue: 'fenway', classification: 'baseball', attraction: redSox, dayOffset: 165, localTime: '19:10:00', status: 'onsale', price: [45, 650] },
  { id: 'vvG12thvh72XOFE', name: 'New York Giants vs. Dallas Cowboys', venue: 'metlife', classification: 'football', attraction: giants, dayOffset: 300, localTime: '20:20:00', status: 'onsale', price: [150, 1900], pleaseNote: bagPolicy },
  { id: 'vvG1SsWoRtk6NndNB', name: 'New York Giants vs. Philadelphia Eagles', venue: 'metlife', classification: 'football', attraction: giants, dayOffset: 314, localTime: '13:00:00', status: 'onsale', price: [120, 1400], pleaseNote: bagPolicy },
  { id: 'vvG1xZ402tg3qv3AA', name: 'Toronto Maple Leafs vs. Montreal Canadiens', venue: 'scotiabank', classification: 'hockey', attraction: leafs, dayOffset: 16, localTime: '19:00:00', status: 'onsale', price: [145, 1250] },
  { id: 'Z7r9jZ1AChOGxR0G', name: 'Toronto Maple Leafs vs. Boston Bruins', venue: 'scotiabank', classification: 'hockey', attraction: leafs, dayOffset: 260, localTime: '19:00:00', status: 'onsale', price: [135, 1100] },
  { id: 'G5vKYsBNdPfqhKP', name: 'New York Rangers vs. New Jersey Devils', venue: 'msg', classification: 'hockey', attraction: rangers, dayOffset: 270, localTime: '19:00:00', status: 'onsale', price: [79, 900] },
  { id: 'G5veTQSk2Kl6hjGg', name: 'WWE Monday Night RAW', venue: 'unitedCenter', classification: 'wrestling', attraction: wwe, dayOffset: 100, localTime: '19:30:00', status: 'onsale', price: [25, 600] },
  { id: 'vvG1ERD2ATqDkwKq3G', name: 'WWE Monday Night RAW', venue: 'ballArena', classification: 'wrestling', attraction: wwe, dayOffset: 210, localTime: '19:30:00', status: 'postponed', info: 'This event has been postponed. Your tickets remain valid for the new date.' },
  // Family.
  { id: 'Z7r9jZ1ABkf0tIDV', name: "Disney On Ice presents Let's Dance!", venue: 'msg', classification: 'family', attraction: disneyOnIce, dayOffset: 280, localTime: '11:00:00', status: 'onsale', price: [20, 140], pleaseNote: ageNote },
  { id: 'Z698xZjspou2gC', name: "Disney On Ice presents Let's Dance!", venue: 'cryptoArena', classification: 'family', attraction: disneyOnIce, dayOffset: 320, localTime: '15:00:00', status: 'onsale', price: [20, 140], pleaseNote: ageNote },
  { id: 'G5vAGdNtAAEFja', name: "Disney On Ice presents Let's Dance!", venue: 'scotiabank', classification: 'family', attraction: disneyOnIce, dayOffset: 340, localTime: '11:00:00', status: 'onsale', pleaseNote: ageNote, images: false, seatmap: false },
  // A few more far-off dates so the catalogue covers the whole next year.
  { id: '1AvZeqPEtKSGx4QEBS', name: 'Metallica M72 World Tour', venue: 'theO2', classification: 'rock', attraction: metallica, dayOffset: 355, localTime: '18:00:00', status: 'onsale', price: [85, 350] },
  { id: 'vvG1Man0Z7YhRIad', name: 'Coldplay: Music of the Spheres World Tour', venue: 'metlife', classification: 'rock', attraction: coldplay, dayOffset: 345, localTime: '19:00:00', status: 'onsale', price: [45, 395] },
  { id: 'vvG13Pi8YSuMkXoMp', name: 'Holiday Pops Spectacular', venue: 'hollywoodBowl', classification: 'classical', dayOffset: 330, localTime: null, status: 'onsale', images: false, seatmap: false },
  { id: 'Z698xZKCcS5w5UM', name: 'Zach Bryan - The Quittin Time Tour', venue: 'wrigley', classification: 'country', attraction: zach, dayOffset: 290, localTime: '19:00:00', status: 'onsale', price: [89.5, 250] },
];
