/** A long text page: sections of paragraphs and bullet items. */
export interface LegalSection {
  heading?: string;
  paragraphs?: string[];
  items?: string[];
}
export interface LegalDoc {
  title: string;
  sections: LegalSection[];
}
