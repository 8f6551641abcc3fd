// The seven sections of an activity type, in the order the catalogue prints them, and their Danish headings.
// Plain constants (no zod), so the Word add-in and the extension can bundle them.
export const sectionKeys = [
  'description',
  'prerequisites',
  'targetGroup',
  'organisation',
  'partners',
  'resources',
  'documentation',
] as const;

export type SectionKeyType = (typeof sectionKeys)[number];

export const sectionTitles: Record<SectionKeyType, string> = {
  description: 'Beskrivelse',
  prerequisites: 'Grundforudsætninger',
  targetGroup: 'Målgruppe',
  organisation: 'Tilrettelæggelse og udførelse',
  partners: 'Samarbejdspartnere',
  resources: 'Ressourcer og kompetencer',
  documentation: 'Dokumentation for virkning',
};
