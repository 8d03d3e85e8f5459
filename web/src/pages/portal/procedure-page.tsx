import { A, useParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import { LoadFailed } from '../../components/load-state.js';
import { answer, api } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session/session.js';
import { ONLINE_LABEL, type ProcedureDetail } from './portal-api.js';
import { FeeList } from './fee-list.js';
import { UnitContactCard } from './unit-contact.js';
import './portal.css';

const channelLabel = (channel: string) => t(`portalChannel_${channel}` as MessageKey);

/** One procedure as the province offers it: components, time, fees, forms, legal basis, where to file. */
export default function ProcedurePage() {
  const params = useParams<{ tenantId: string; code: string }>();
  const [detail, { refetch }] = createResource(
    () => ({ ...params }),
    (param) => answer(api.public.provinces[':tenantId'].procedures[':code'].$get({ param })),
  );
  return (
    <section aria-labelledby="portal-procedure-heading" class="portal">
      <p>
        <A href={`/portal/procedures?tenantId=${params.tenantId}`}>← {t('portalBackToList')}</A>
      </p>
      <Switch>
        <Match when={detail.state === 'errored'}>
          <h1 id="portal-procedure-heading">{t('portalProceduresHeading')}</h1>
          <LoadFailed error={detail.error as unknown} retry={() => void refetch()} />
        </Match>
        <Match when={detail()}>{(d) => <Detail tenantId={params.tenantId} detail={d()} />}</Match>
        <Match when={detail.loading}>
          <h1 id="portal-procedure-heading">{t('portalProceduresHeading')}</h1>
          <p aria-busy="true" class="muted">
            {t('loading')}
          </p>
        </Match>
      </Switch>
    </section>
  );
}

function Detail(props: { tenantId: string; detail: ProcedureDetail }) {
  const p = () => props.detail.procedure;
  const online = () => p().channels.includes('online') && p().onlineServiceLevel !== 'none';
  const citizen = () => session()?.user.kind === 'citizen';
  return (
    <>
      <h1 id="portal-procedure-heading">{p().name}</h1>
      <p class="muted">
        {p().code} · {p().sector} · {t(`portalLevel_${p().level}` as MessageKey)} · {t('portalOnline')}: {t(ONLINE_LABEL[p().onlineServiceLevel])}
      </p>
      <div class="portal-cta">
        <Switch fallback={<p class="note">{t('portalNotOnline')}</p>}>
          <Match when={online() && citizen()}>
            <A class="button primary" href={`/portal/submit/${props.tenantId}/${p().code}`}>
              {t('portalSubmitOnline')}
            </A>
          </Match>
          <Match when={online() && !session()}>
            <A class="button" href="/login">
              {t('portalSignInToSubmit')}
            </A>
          </Match>
          <Match when={online()}>{null}</Match>
        </Switch>
      </div>
      <h2 class="portal-subheading">{t('portalProcessingTime')}</h2>
      <ul>
        <For each={p().processingTime}>
          {(time) => (
            <li>
              {channelLabel(time.channel)}: {formatNumber(time.amount, 1)} {time.unit === 'working_days' ? t('portalWorkingDays') : t('portalCalendarDays')}
            </li>
          )}
        </For>
      </ul>
      <h2 class="portal-subheading">{t('portalCases')}</h2>
      <For each={p().cases}>
        {(c) => (
          <div class="portal-case">
            <Show when={p().cases.length > 1}>
              <h3>{c.name}</h3>
            </Show>
            <div class="table-scroll" tabindex="0" role="region" aria-label={`${t('portalCases')}: ${c.name}`}>
              <table class="data-table" data-testid="component-table">
                <thead>
                  <tr>
                    <th scope="col">{t('portalComponent')}</th>
                    <th scope="col" class="num">
                      {t('portalOriginals')}
                    </th>
                    <th scope="col" class="num">
                      {t('portalCopies')}
                    </th>
                    <th scope="col">{t('portalRequiredCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={c.components}>
                    {(component) => (
                      <tr>
                        <td>
                          {component.name}
                          <Show when={component.templateFile}>{(file) => <span class="cell-sub">{file()}</span>}</Show>
                        </td>
                        <td class="num">{component.originals}</td>
                        <td class="num">{component.copies}</td>
                        <td>{component.required === false ? t('portalNo') : t('portalYes')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </div>
        )}
      </For>
      <h2 class="portal-subheading">{t('portalFees')}</h2>
      <FeeList detail={props.detail} />
      <Show when={p().forms.length > 0}>
        <h2 class="portal-subheading">{t('portalForms')}</h2>
        <ul>
          <For each={p().forms}>
            {(form) => (
              <li>
                {form.code}: {form.name}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p>
        <A
          href={`/feedback?${new URLSearchParams({ tenantId: props.tenantId, procedure: p().code, label: p().name }).toString()}`}
          data-testid="procedure-feedback"
        >
          {t('feedbackLink')}
        </A>
      </p>
      <h2 class="portal-subheading">{t('portalReceivingUnits')}</h2>
      <ul class="unit-contacts">
        <For each={props.detail.receivingUnits}>
          {(unit) => (
            <li>
              <UnitContactCard name={unit.name} contact={unit} />
            </li>
          )}
        </For>
      </ul>
      <dl class="portal-facts portal-facts-long">
        <Show when={p().applicants}>
          <dt>{t('portalApplicants')}</dt>
          <dd>{p().applicants}</dd>
        </Show>
        <Show when={p().conditions}>
          <dt>{t('portalConditions')}</dt>
          <dd>{p().conditions}</dd>
        </Show>
        <Show when={p().result}>
          <dt>{t('portalResult')}</dt>
          <dd>{p().result}</dd>
        </Show>
        <Show when={p().legalBasis}>
          <dt>{t('portalLegalBasis')}</dt>
          <dd>{p().legalBasis}</dd>
        </Show>
      </dl>
    </>
  );
}
