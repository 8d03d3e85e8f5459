import { For, Show } from 'solid-js';
import { t, type MessageKey } from '../i18n/index.js';

type FormNumber = '01' | '02' | '03' | '04' | '05';

/** The history entry that gives each form its occasion; 01 and 05 exist for every dossier. */
const OCCASION: Record<FormNumber, string | null> = { '01': null, '02': 'supplement_requested', '03': 'refused', '04': 'apology_issued', '05': null };

/**
 * Download links to the dossier's printed forms (PDF from the API), only those it has had an
 * occasion for. `offer` picks which forms this reader is given (the control sheet is the
 * agencies' paper, so the portal leaves it out).
 */
export function FormLinks(props: { dossierPath: string; eventKinds: string[]; offer: FormNumber[]; class?: string }) {
  const forms = () => props.offer.filter((form) => OCCASION[form] === null || props.eventKinds.includes(OCCASION[form]));
  return (
    <Show when={forms().length > 0}>
      <section class={`form-links ${props.class ?? ''}`} aria-labelledby="form-links-heading" data-testid="form-links">
        <h2 id="form-links-heading">{t('formsHeading')}</h2>
        <ul>
          <For each={forms()}>
            {(form) => (
              <li>
                <a href={`${props.dossierPath}/forms/${form}`} download="" data-form={form}>
                  {t(`form${form}` as MessageKey)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
