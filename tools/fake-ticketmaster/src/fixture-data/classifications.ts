/** Classification blocks as the real API sends them (segment ids are Ticketmaster's real ones). */
interface Named {
  id: string;
  name: string;
}

export interface Classification {
  primary: boolean;
  segment: Named;
  genre: Named;
  subGenre: Named;
  type: Named;
  subType: Named;
  family: boolean;
}

const segments = {
  music: { id: 'KZFzniwnSyZfZ7v7nJ', name: 'Music' },
  sports: { id: 'KZFzniwnSyZfZ7v7nE', name: 'Sports' },
  arts: { id: 'KZFzniwnSyZfZ7v7na', name: 'Arts & Theatre' },
  misc: { id: 'KZFzniwnSyZfZ7v7n1', name: 'Miscellaneous' },
};

const undefinedType = { id: 'KZAyXgnZfZ7v7nI', name: 'Undefined' };
const undefinedSubType = { id: 'KZFzBErXgnZfZ7v7lJ', name: 'Undefined' };

function classification(segment: Named, genre: Named, subGenre: Named, family = false): Classification {
  return {
    primary: true,
    segment,
    genre,
    subGenre,
    type: undefinedType,
    subType: undefinedSubType,
    family,
  };
}

export const classifications = {
  pop: classification(segments.music, { id: 'KnvZfZ7vAev', name: 'Pop' }, { id: 'KZazBEonSMnZfZ7v6F1', name: 'Pop' }),
  rock: classification(
    segments.music,
    { id: 'KnvZfZ7vAeA', name: 'Rock' },
    { id: 'KZazBEonSMnZfZ7v6dt', name: 'Hard Rock' },
  ),
  hipHop: classification(
    segments.music,
    { id: 'KnvZfZ7vAv1', name: 'Hip-Hop/Rap' },
    { id: 'KZazBEonSMnZfZ7vkdl', name: 'Urban' },
  ),
  country: classification(
    segments.music,
    { id: 'KnvZfZ7vAv6', name: 'Country' },
    { id: 'KZazBEonSMnZfZ7v6a6', name: 'Country' },
  ),
  classical: classification(
    segments.music,
    { id: 'KnvZfZ7v7nJ', name: 'Classical' },
    { id: 'KZazBEonSMnZfZ7vAve', name: 'Symphonic' },
  ),
  basketball: classification(
    segments.sports,
    { id: 'KnvZfZ7vAde', name: 'Basketball' },
    { id: 'KZazBEonSMnZfZ7vFJA', name: 'NBA' },
  ),
  football: classification(
    segments.sports,
    { id: 'KnvZfZ7vAdE', name: 'Football' },
    { id: 'KZazBEonSMnZfZ7vFE1', name: 'NFL' },
  ),
  baseball: classification(
    segments.sports,
    { id: 'KnvZfZ7vAdv', name: 'Baseball' },
    { id: 'KZazBEonSMnZfZ7vF1n', name: 'MLB' },
  ),
  hockey: classification(
    segments.sports,
    { id: 'KnvZfZ7vAdI', name: 'Hockey' },
    { id: 'KZazBEonSMnZfZ7vFnI', name: 'NHL' },
  ),
  wrestling: classification(
    segments.sports,
    { id: 'KnvZfZ7vAAt', name: 'Wrestling' },
    { id: 'KZazBEonSMnZfZ7vFFA', name: 'Wrestling' },
  ),
  theatre: classification(
    segments.arts,
    { id: 'KnvZfZ7v7l1', name: 'Theatre' },
    { id: 'KZazBEonSMnZfZ7v7lv', name: 'Musical' },
  ),
  comedy: classification(
    segments.arts,
    { id: 'KnvZfZ7vAe1', name: 'Comedy' },
    { id: 'KZazBEonSMnZfZ7vF17', name: 'Comedy' },
  ),
  family: classification(
    segments.misc,
    { id: 'KnvZfZ7vA1n', name: 'Family' },
    { id: 'KZazBEonSMnZfZ7vFE7', name: 'Ice Shows' },
    true,
  ),
} satisfies Record<string, Classification>;

export type ClassificationKey = keyof typeof classifications;
