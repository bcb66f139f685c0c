import { checkboxGroup, inputField, selectField, textareaField } from './form-fields';
import { COUNTRY_CHOICES, DISCIPLINE_CHOICE_LABELS, FORMAT_CHOICE_LABELS, GRADE_CHOICES, LANGUAGE_CHOICES, REACH_CHOICES } from './choices';
import { pageLayout } from './layout';

/**
 * The portal's pages as HTML. They hold the forms and empty regions; the
 * browser script (client/main.ts) fills the lists and talks to the APIs.
 * Regions that change say so to screen readers (role=status, aria-live).
 */
export interface ApiUrls {
  intakeUrl: string;
  reviewUrl: string;
}

const signedOut = `<div id="signed-out" hidden><p>U bent niet aangemeld. <a href="/aanmelden">Meld u aan</a> met de link die we u mailen.</p></div>`;
const disciplineChoices = Object.entries(DISCIPLINE_CHOICE_LABELS) as [string, string][];

export function homePage(urls: ApiUrls): string {
  return pageLayout(
    { ...urls, title: 'Welkom', page: 'home', current: '/' },
    `<h1>Cultuur op school, samen gebracht</h1>
<p>Scholen vragen wat ze zoeken, aanbieders publiceren hun aanbod, en een bemiddelaar stelt de beste koppels voor.</p>
<ul>
  <li><a href="/school">Ik ben een school</a>: aanvragen indienen en opvolgen, voorstellen beantwoorden.</li>
  <li><a href="/aanbieder">Ik bied cultuureducatie aan</a>: aanbod publiceren, bewerken en intrekken, voorstellen beantwoorden.</li>
</ul>`,
  );
}

export function signInPage(urls: ApiUrls): string {
  return pageLayout(
    { ...urls, title: 'Aanmelden', page: 'sign-in', current: '/aanmelden' },
    `<h1>Aanmelden</h1>
<p>Geen wachtwoord nodig: we mailen u een link die één keer en een kwartier lang werkt.</p>
<form id="sign-in-form" novalidate>
  ${inputField({ name: 'email', label: 'Uw e-mailadres', type: 'email', required: true, attrs: 'autocomplete="email"' })}
  <button type="submit" class="primary">Stuur mij een aanmeldlink</button>
</form>
<p id="sign-in-status" class="status-line" role="status" aria-live="polite"></p>
<p><button type="button" id="sign-out">Afmelden</button></p>`,
  );
}

/** The suggestions made to the signed-in school or provider, filled in by the page's script. */
const suggestionsSection = `<section aria-labelledby="h-suggestions">
  <h2 id="h-suggestions">Voorstellen voor u</h2>
  <p id="suggestions-status" class="status-line" role="status" aria-live="polite"></p>
  <div id="suggestions" aria-busy="false"><p class="muted">Laden…</p></div>
</section>`;

export function schoolPage(urls: ApiUrls): string {
  return pageLayout(
    { ...urls, title: 'Voor scholen', page: 'school', current: '/school' },
    `<h1>Voor scholen</h1>
<p id="who" class="muted"></p>
${signedOut}
<div id="signed-in">
${suggestionsSection}
<section aria-labelledby="h-request-form">
  <h2 id="h-request-form">Nieuwe aanvraag</h2>
  <div id="request-errors" class="error-summary" tabindex="-1" role="alert" hidden></div>
  <form id="request-form" novalidate>
    ${inputField({ name: 'title', label: 'Wat zoekt u?', hint: 'Bijvoorbeeld: Theater over vriendschap', required: true })}
    ${textareaField({ name: 'description', label: 'Beschrijving', hint: 'Wat de klas doet, wat u hoopt, praktische zaken.' })}
    ${checkboxGroup({ name: 'grades', legend: 'Voor welke leerjaren?', hint: 'Kies een of meer; de leeftijden leiden we daaruit af.', choices: GRADE_CHOICES })}
    <div class="row">
      ${inputField({ name: 'pupils.count', label: 'Aantal leerlingen', type: 'number', required: true })}
      ${inputField({ name: 'maxTravelKm', label: 'Hoe ver wilt u reizen (km)?', type: 'number', required: true, value: '15' })}
      ${inputField({ name: 'budgetPerPupil', label: 'Budget per leerling (€)', type: 'number' })}
    </div>
    ${checkboxGroup({ name: 'disciplines', legend: 'Disciplines (niet verplicht)', choices: disciplineChoices })}
    ${selectField({ name: 'language', label: 'Taal van de activiteit', choices: LANGUAGE_CHOICES, value: 'nl' })}
    <div class="row">
      ${inputField({ name: 'school.postcode', label: 'Postcode van de plaats', hint: 'Leeg: het adres van uw school.' })}
      ${selectField({ name: 'school.country', label: 'Land', choices: COUNTRY_CHOICES, value: 'BE' })}
    </div>
    <button type="submit" class="primary">Aanvraag indienen</button>
  </form>
</section>
<section aria-labelledby="h-requests">
  <h2 id="h-requests">Uw aanvragen</h2>
  <p id="requests-status" class="status-line" role="status" aria-live="polite"></p>
  <div id="requests"><p class="muted">Laden…</p></div>
</section>
</div>`,
  );
}

export function providerPage(urls: ApiUrls): string {
  return pageLayout(
    { ...urls, title: 'Voor aanbieders', page: 'provider', current: '/aanbieder' },
    `<h1>Voor aanbieders</h1>
<p id="who" class="muted"></p>
${signedOut}
<div id="signed-in">
${suggestionsSection}
<section aria-labelledby="h-offer-form">
  <h2 id="h-offer-form">Nieuw aanbod publiceren</h2>
  <div id="offer-errors" class="error-summary" tabindex="-1" role="alert" hidden></div>
  <form id="offer-form" novalidate>
    ${inputField({ name: 'title', label: 'Titel', required: true })}
    ${textareaField({ name: 'description', label: 'Beschrijving', hint: 'Wat leerlingen doen en beleven; scholen zoeken op deze woorden.' })}
    ${checkboxGroup({ name: 'disciplines', legend: 'Disciplines', hint: 'Kies er minstens één.', choices: disciplineChoices })}
    ${selectField({ name: 'format', label: 'Vorm', choices: Object.entries(FORMAT_CHOICE_LABELS) as [string, string][], placeholder: 'Kies een vorm' })}
    ${checkboxGroup({ name: 'grades', legend: 'Voor welke leerjaren?', hint: 'Kies een of meer; de leeftijden leiden we daaruit af.', choices: GRADE_CHOICES })}
    <div class="row">
      ${inputField({ name: 'location.postcode', label: 'Postcode', required: true, hint: 'Waar u zit; de gemeente zoeken we zelf op.' })}
      ${selectField({ name: 'location.country', label: 'Land', choices: COUNTRY_CHOICES, value: 'BE' })}
    </div>
    <div class="row">
      ${selectField({ name: 'reach.mode', label: 'Waar gaat het door?', choices: REACH_CHOICES, value: 'both' })}
      ${inputField({ name: 'reach.maxTravelKm', label: 'Hoe ver verplaatst u zich (km)?', type: 'number', required: true, value: '0' })}
    </div>
    <div class="row">
      ${inputField({ name: 'groupSize.min', label: 'Kleinste groep', type: 'number', required: true })}
      ${inputField({ name: 'groupSize.max', label: 'Grootste groep', type: 'number', required: true })}
      ${inputField({ name: 'pricePerPupil', label: 'Prijs per leerling (€)', type: 'number', required: true })}
    </div>
    ${selectField({ name: 'language', label: 'Taal', choices: LANGUAGE_CHOICES, value: 'nl' })}
    <button type="submit" class="primary">Publiceren</button>
  </form>
</section>
<section aria-labelledby="h-offers">
  <h2 id="h-offers">Uw aanbod</h2>
  <p id="offers-status" class="status-line" role="status" aria-live="polite"></p>
  <div id="offers"><p class="muted">Laden…</p></div>
</section>
</div>`,
  );
}
