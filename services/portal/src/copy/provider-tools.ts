/**
 * The texts of the provider page's two tools (issue #13): importing offers from a file,
 * and what schools in the provider's reach ask for. `providerToolsNl` is the shape; the
 * French and English are typed with it. Each language's copy holds its own under
 * `providerTools`. (The readable names of an import's field paths and the sentences for
 * intake's error messages live in provider/import-messages.ts, as issue-messages.ts does.)
 */
export const providerToolsNl = {
  import: {
    heading: 'Aanbod importeren uit een bestand',
    intro:
      'Zet veel aanbod tegelijk online met een CSV-bestand (bijvoorbeeld uit Excel) of een JSON Lines-bestand: één regel per aanbod. Importeert u een regel met dezelfde id opnieuw, dan wordt dat aanbod bijgewerkt in plaats van een tweede keer aangemaakt.',
    templateSemicolon: 'Download het sjabloon voor Excel (CSV met puntkomma’s)',
    templateHint:
      'Excel in België en Nederland scheidt de kolommen van een CSV-bestand met een puntkomma (;), dus dit sjabloon opent daar meteen in de juiste kolommen. Werkt u met een ander programma of met Excel in het Engels, neem dan',
    templateComma: 'het sjabloon met komma’s',
    columnsSummary: 'Welke kolommen? De uitleg per kolom',
    columnsLoading: 'De uitleg wordt geladen…',
    columnsFailed: 'De uitleg per kolom kon niet worden geladen.',
    formatFacts: { separator: 'Scheidingsteken', encoding: 'Tekenset', rows: 'Regels', lists: 'Meerdere waarden in één cel' },
    listSeparator: (separator: string) => `gescheiden door ${separator}, bijvoorbeeld theatre${separator}music`,
    columnHeaders: { name: 'Kolom', required: 'Verplicht?', meaning: 'Wat erin komt', example: 'Voorbeeld' },
    required: { yes: 'ja', no: 'nee', conditional: (when: string) => `ja, ${when}` },
    values: (values: string) => `Mogelijke waarden: ${values}`,
    columnsCaption: 'De kolommen van het bestand',
    file: 'Bestand met aanbod',
    fileHint: 'Een CSV-bestand (.csv) of JSON Lines (.jsonl of .ndjson), hoogstens 5 MB en 5000 aanbiedingen.',
    modeLegend: 'Wat als sommige regels fouten hebben?',
    modeAll: 'Alles of niets: er wordt niets geïmporteerd zolang één regel een fout heeft',
    modeValid: 'Importeer de geldige rijen, en toon de fouten van de andere',
    submit: 'Importeren',
    resultHeading: 'Resultaat van de import',
    busy: 'Het bestand wordt geïmporteerd…',
    noFile: 'Kies eerst een bestand.',
    wrongType: 'Kies een CSV-bestand (.csv) of een JSON Lines-bestand (.jsonl of .ndjson).',
    imported: (created: number, updated: number, unchanged: number) =>
      `${created} ${created === 1 ? 'aanbieding' : 'aanbiedingen'} nieuw, ${updated} gewijzigd, ${unchanged} ongewijzigd`,
    rejected: (rejected: number) =>
      rejected === 1
        ? '1 regel niet geïmporteerd, zie de fouten hieronder'
        : `${rejected} regels niet geïmporteerd, zie de fouten hieronder`,
    refused: (invalid: number, rows: number) =>
      `Niets geïmporteerd: ${invalid} van de ${rows} ${rows === 1 ? 'regel' : 'regels'} ${invalid === 1 ? 'heeft' : 'hebben'} fouten. Verbeter ze en importeer opnieuw, of kies "Importeer de geldige rijen".`,
    unreadable: 'Niets geïmporteerd: het bestand kan niet regel per regel gelezen worden.',
    tooLarge: 'Niets geïmporteerd: het bestand is te groot (hoogstens 5 MB en 5000 aanbiedingen). Splits het in kleinere bestanden.',
    interrupted:
      'Een deel is geïmporteerd, maar sommige aanbiedingen werden intussen gewijzigd. Importeer hetzelfde bestand opnieuw om af te werken.',
    errorsCaption: 'Fouten per regel van het bestand',
    errorColumns: { line: 'Regel', field: 'Veld', problem: 'Wat er mis is' },
    column: (name: string) => `kolom ${name}`,
    offerId: (id: string) => `aanbod ${id}`,
  },
  demand: {
    heading: 'Wat scholen binnen uw bereik vragen',
    intro:
      'Aanvragen van scholen en organisaties die uw actieve aanbod kan bereiken: binnen de afstand die u zich verplaatst, of tot 30 km voor aanbod bij u. Zonder namen en zonder aantallen leerlingen.',
    period: 'Periode',
    months: (months: number) => `De laatste ${months} maanden`,
    loading: 'De aanvragen worden geteld…',
    loadFailed: 'De aanvragen konden niet worden geladen. Probeer het later opnieuw.',
    total: (count: number, from: string, to: string) =>
      `${count} ${count === 1 ? 'aanvraag' : 'aanvragen'} binnen uw bereik, van ${from} tot en met ${to}`,
    empty: 'Nog geen aanvragen binnen uw bereik in deze periode.',
    byDiscipline: 'Per discipline',
    byAgeBand: 'Per leeftijd',
    byMonth: 'Per maand',
    chartLabel: (title: string, parts: string) => `Staafdiagram, aanvragen ${title.toLowerCase()}: ${parts}`,
    otherMonths: (count: number) => `${count === 1 ? 'de andere maand' : `de ${count} andere maanden`} 0`,
    tableSummary: (title: string) => `${title}: de cijfers in een tabel`,
    columns: { ageBand: 'Leeftijd', month: 'Maand', requests: 'Aanvragen' },
    noDisciplines: 'Geen van deze aanvragen noemt een discipline.',
    ageBand: (min: number, max: number) => `${min}–${max} jaar`,
    ageBandFrom: (min: number) => `${min} jaar en ouder`,
    recentHeading: 'De recentste aanvragen',
    recentHint:
      'Komen er uit een gemeente minder dan drie aanvragen, dan staat de provincie er in de plaats van de gemeente, zodat niemand de school kan herkennen.',
    anyDiscipline: 'Geen discipline gekozen',
  },
};

export type ProviderToolsCopy = typeof providerToolsNl;

export const providerToolsFr: ProviderToolsCopy = {
  import: {
    heading: 'Importer une offre depuis un fichier',
    intro:
      'Publiez beaucoup d’activités à la fois avec un fichier CSV (par exemple depuis Excel) ou JSON Lines : une ligne par activité. Si vous importez à nouveau une ligne avec le même identifiant, l’activité est mise à jour au lieu d’être créée une deuxième fois.',
    templateSemicolon: 'Télécharger le modèle pour Excel (CSV avec points-virgules)',
    templateHint:
      'En Belgique et aux Pays-Bas, Excel sépare les colonnes d’un fichier CSV par un point-virgule (;) : ce modèle s’y ouvre donc directement dans les bonnes colonnes. Avec un autre programme ou Excel en anglais, prenez',
    templateComma: 'le modèle avec virgules',
    columnsSummary: 'Quelles colonnes ? L’explication colonne par colonne',
    columnsLoading: 'Chargement de l’explication…',
    columnsFailed: 'L’explication des colonnes n’a pas pu être chargée.',
    formatFacts: { separator: 'Séparateur', encoding: 'Encodage', rows: 'Lignes', lists: 'Plusieurs valeurs dans une cellule' },
    listSeparator: (separator: string) => `séparées par ${separator}, par exemple theatre${separator}music`,
    columnHeaders: { name: 'Colonne', required: 'Obligatoire ?', meaning: 'Contenu', example: 'Exemple' },
    required: { yes: 'oui', no: 'non', conditional: (when: string) => `oui, ${when}` },
    values: (values: string) => `Valeurs possibles : ${values}`,
    columnsCaption: 'Les colonnes du fichier',
    file: 'Fichier d’activités',
    fileHint: 'Un fichier CSV (.csv) ou JSON Lines (.jsonl ou .ndjson), 5 Mo et 5000 activités au plus.',
    modeLegend: 'Et si certaines lignes contiennent des erreurs ?',
    modeAll: 'Tout ou rien : rien n’est importé tant qu’une ligne contient une erreur',
    modeValid: 'Importer les lignes valides, et montrer les erreurs des autres',
    submit: 'Importer',
    resultHeading: 'Résultat de l’importation',
    busy: 'Importation du fichier…',
    noFile: 'Choisissez d’abord un fichier.',
    wrongType: 'Choisissez un fichier CSV (.csv) ou JSON Lines (.jsonl ou .ndjson).',
    imported: (created: number, updated: number, unchanged: number) =>
      `${created} ${created <= 1 ? 'activité nouvelle' : 'activités nouvelles'}, ${updated} ${updated <= 1 ? 'modifiée' : 'modifiées'}, ${unchanged} ${unchanged <= 1 ? 'inchangée' : 'inchangées'}`,
    rejected: (rejected: number) =>
      rejected === 1
        ? '1 ligne non importée, voir les erreurs ci-dessous'
        : `${rejected} lignes non importées, voir les erreurs ci-dessous`,
    refused: (invalid: number, rows: number) =>
      `Rien n’a été importé : ${invalid} ${invalid <= 1 ? 'ligne' : 'lignes'} sur ${rows} ${invalid <= 1 ? 'contient' : 'contiennent'} des erreurs. Corrigez-les et importez à nouveau, ou choisissez « Importer les lignes valides ».`,
    unreadable: 'Rien n’a été importé : le fichier ne peut pas être lu ligne par ligne.',
    tooLarge: 'Rien n’a été importé : le fichier est trop grand (5 Mo et 5000 activités au plus). Divisez-le en fichiers plus petits.',
    interrupted:
      'Une partie a été importée, mais certaines activités ont été modifiées entre-temps. Importez à nouveau le même fichier pour terminer.',
    errorsCaption: 'Erreurs par ligne du fichier',
    errorColumns: { line: 'Ligne', field: 'Champ', problem: 'Le problème' },
    column: (name: string) => `colonne ${name}`,
    offerId: (id: string) => `activité ${id}`,
  },
  demand: {
    heading: 'Ce que demandent les écoles à votre portée',
    intro:
      'Les demandes des écoles et organisations que votre offre active peut atteindre : dans la distance que vous parcourez, ou jusqu’à 30 km pour une activité chez vous. Sans noms ni nombres d’élèves.',
    period: 'Période',
    months: (months: number) => `Les ${months} derniers mois`,
    loading: 'Comptage des demandes…',
    loadFailed: 'Les demandes n’ont pas pu être chargées. Réessayez plus tard.',
    total: (count: number, from: string, to: string) =>
      `${count} ${count <= 1 ? 'demande' : 'demandes'} à votre portée, ${/^[aeiouyàâéèêh]/i.test(from) ? 'd’' : 'de '}${from} à ${to} inclus`,
    empty: 'Pas encore de demandes à votre portée pendant cette période.',
    byDiscipline: 'Par discipline',
    byAgeBand: 'Par âge',
    byMonth: 'Par mois',
    chartLabel: (title: string, parts: string) => `Diagramme en barres, demandes ${title.toLowerCase()} : ${parts}`,
    otherMonths: (count: number) => `${count === 1 ? 'l’autre mois' : `les ${count} autres mois`} 0`,
    tableSummary: (title: string) => `${title} : les chiffres dans un tableau`,
    columns: { ageBand: 'Âge', month: 'Mois', requests: 'Demandes' },
    noDisciplines: 'Aucune de ces demandes ne mentionne de discipline.',
    ageBand: (min: number, max: number) => `${min}–${max} ans`,
    ageBandFrom: (min: number) => `${min} ans et plus`,
    recentHeading: 'Les demandes les plus récentes',
    recentHint:
      'Quand une commune compte moins de trois demandes, la province remplace la commune, pour que personne ne puisse reconnaître l’école.',
    anyDiscipline: 'Aucune discipline choisie',
  },
};

export const providerToolsEn: ProviderToolsCopy = {
  import: {
    heading: 'Import offers from a file',
    intro:
      'Put many offers online at once with a CSV file (from Excel, for instance) or a JSON Lines file: one line per offer. Import a line with the same id again and that offer is updated instead of created a second time.',
    templateSemicolon: 'Download the template for Excel (CSV with semicolons)',
    templateHint:
      'Excel in Belgium and the Netherlands separates the columns of a CSV file with a semicolon (;), so this template opens there in the right columns straight away. With another program, or Excel in English, take',
    templateComma: 'the template with commas',
    columnsSummary: 'Which columns? What each column holds',
    columnsLoading: 'Loading the explanation…',
    columnsFailed: 'The explanation of the columns could not be loaded.',
    formatFacts: { separator: 'Separator', encoding: 'Encoding', rows: 'Rows', lists: 'Several values in one cell' },
    listSeparator: (separator: string) => `separated by ${separator}, for example theatre${separator}music`,
    columnHeaders: { name: 'Column', required: 'Required?', meaning: 'What goes in it', example: 'Example' },
    required: { yes: 'yes', no: 'no', conditional: (when: string) => `yes, ${when}` },
    values: (values: string) => `Possible values: ${values}`,
    columnsCaption: 'The columns of the file',
    file: 'File of offers',
    fileHint: 'A CSV file (.csv) or JSON Lines (.jsonl or .ndjson), at most 5 MB and 5000 offers.',
    modeLegend: 'What if some lines have errors?',
    modeAll: 'All or nothing: nothing is imported while any line has an error',
    modeValid: 'Import the valid rows, and show the errors of the others',
    submit: 'Import',
    resultHeading: 'Result of the import',
    busy: 'Importing the file…',
    noFile: 'Choose a file first.',
    wrongType: 'Choose a CSV file (.csv) or a JSON Lines file (.jsonl or .ndjson).',
    imported: (created: number, updated: number, unchanged: number) =>
      `${created} ${created === 1 ? 'offer' : 'offers'} new, ${updated} changed, ${unchanged} unchanged`,
    rejected: (rejected: number) =>
      rejected === 1 ? '1 line not imported, see the errors below' : `${rejected} lines not imported, see the errors below`,
    refused: (invalid: number, rows: number) =>
      `Nothing imported: ${invalid} of ${rows} ${rows === 1 ? 'line' : 'lines'} ${invalid === 1 ? 'has' : 'have'} errors. Correct them and import again, or choose "Import the valid rows".`,
    unreadable: 'Nothing imported: the file cannot be read line by line.',
    tooLarge: 'Nothing imported: the file is too large (at most 5 MB and 5000 offers). Split it into smaller files.',
    interrupted: 'Part of the file was imported, but some offers changed meanwhile. Import the same file again to finish.',
    errorsCaption: 'Errors per line of the file',
    errorColumns: { line: 'Line', field: 'Field', problem: 'What is wrong' },
    column: (name: string) => `column ${name}`,
    offerId: (id: string) => `offer ${id}`,
  },
  demand: {
    heading: 'What schools within your reach ask for',
    intro:
      'Requests from schools and organisations your active offers can reach: within the distance you travel, or up to 30 km for offers at your place. Without names and without numbers of pupils.',
    period: 'Period',
    months: (months: number) => `The last ${months} months`,
    loading: 'Counting the requests…',
    loadFailed: 'The requests could not be loaded. Try again later.',
    total: (count: number, from: string, to: string) =>
      `${count} ${count === 1 ? 'request' : 'requests'} within your reach, from ${from} through ${to}`,
    empty: 'No requests within your reach in this period yet.',
    byDiscipline: 'By discipline',
    byAgeBand: 'By age',
    byMonth: 'By month',
    chartLabel: (title: string, parts: string) => `Bar chart, requests ${title.toLowerCase()}: ${parts}`,
    otherMonths: (count: number) => `${count === 1 ? 'the other month' : `the other ${count} months`} 0`,
    tableSummary: (title: string) => `${title}: the numbers in a table`,
    columns: { ageBand: 'Age', month: 'Month', requests: 'Requests' },
    noDisciplines: 'None of these requests names a discipline.',
    ageBand: (min: number, max: number) => `${min}–${max} years`,
    ageBandFrom: (min: number) => `${min} years and older`,
    recentHeading: 'The most recent requests',
    recentHint:
      'Where fewer than three requests come from a municipality, its province stands in its place, so that nobody can recognise the school.',
    anyDiscipline: 'No discipline chosen',
  },
};
