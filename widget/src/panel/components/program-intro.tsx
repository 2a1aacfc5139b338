import { fill, type Messages } from '../messages.ts';

/** For a visitor the shop has not identified: what the program is and how to join it. */
export function ProgramIntro({ programName, t }: { programName: string; t: Messages }) {
  return (
    <section lang={t.lang} class="card" data-testid="sarafan-intro" aria-labelledby="sarafan-title">
      <h2 id="sarafan-title">{fill(t.introTitle, { program: programName })}</h2>
      <p>{t.introText}</p>
    </section>
  );
}
