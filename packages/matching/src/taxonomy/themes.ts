import type { Discipline } from '@koppel/contracts';

/**
 * Taxonomy of cultural-education disciplines and themes, with Dutch, French and
 * English labels and synonyms (normalised: no accents, lowercase; see
 * taxonomy/patterns.ts for the wildcard syntax). Themes bridge words that plain
 * overlap misses: toneel/theater/drama/theatre, erfgoed/geschiedenis/patrimoine,
 * zangproject/koorproject, and they cross languages (Moyen Age = middeleeuwen).
 *
 * `specific` themes name a technique or topic. When a teacher names one, offers
 * with another technique of the same discipline are not what was asked for, so
 * specific themes weigh more than the discipline itself.
 */
export interface Theme {
  id: string;
  disciplines: Discipline[];
  labels: { nl: string; fr: string; en: string };
  patterns: readonly string[];
  specific: boolean;
}

/** Discipline-level entries: used to infer disciplines from free text. */
const DISCIPLINE_THEMES: Theme[] = [
  { id: 'music', disciplines: ['music'], specific: false, labels: { nl: 'muziek', fr: 'musique', en: 'music' },
    patterns: ['muziek*', '*muziek*', 'muzikant*', 'musique*', 'musical', 'musicien*', 'music', 'musician*', 'muzikaal*', 'musicaal*', 'muziekles*'] },
  { id: 'dance', disciplines: ['dance'], specific: false, labels: { nl: 'dans', fr: 'danse', en: 'dance' },
    patterns: ['dans', 'dansen', 'danser*', 'danse', 'danses', 'dance*', 'dancing', '*dans', 'dansworkshop*', 'dansles*', 'choreogra*', 'chorégra*', 'danseu*', 'danst', 'gedanst'] },
  { id: 'theatre', disciplines: ['theatre'], specific: false, labels: { nl: 'theater', fr: 'théâtre', en: 'theatre' },
    patterns: ['theater*', '*theater*', 'theatre*', 'toneel*', '*toneel*', 'drama*', 'theatra*', 'comedien*', 'acteur*', 'actor*', 'actrice*', 'acteren', 'podium*', 'play', 'plays'] },
  { id: 'visual_arts', disciplines: ['visual_arts'], specific: false, labels: { nl: 'beeldende kunst', fr: 'arts plastiques', en: 'visual arts' },
    patterns: ['beeld', 'beeldend*', 'beeldende kunst*', 'arts plastiques', 'visual art*', 'kunstenaar*', 'artiste*', 'artist', 'artists', 'kunstwerk*', 'oeuvre*', 'artwork*', 'knutsel*', 'expressie', 'kleur*', 'couleur*', 'colour*', 'color*', 'muzische vorming beeld'] },
  { id: 'film_media', disciplines: ['film_media'], specific: false, labels: { nl: 'film en media', fr: 'cinéma et médias', en: 'film and media' },
    patterns: ['film*', '*film*', 'cinema*', 'movie*', 'video*', 'camera*', 'bewegend beeld'] },
  { id: 'literature', disciplines: ['literature'], specific: false, labels: { nl: 'literatuur', fr: 'littérature', en: 'literature' },
    patterns: ['literatuur*', 'literair*', 'litterature*', 'literature*', 'boek*', '*boek', '*boeken', 'livre*', 'book*', 'lezen', 'lecture*', 'reading', 'lees*', 'auteur*', 'author*', 'schrijver*', 'ecrivain*', 'writer*'] },
  { id: 'heritage', disciplines: ['heritage'], specific: false, labels: { nl: 'erfgoed', fr: 'patrimoine', en: 'heritage' },
    patterns: ['erfgoed*', '*erfgoed', 'patrimoine*', 'heritage', 'geschiedenis*', '*geschiedenis', 'historisch*', 'histoire*', 'historique*', 'history', 'historical', 'historic', 'verleden', 'vroeger', 'museum*', '*museum', 'musea', 'musee*', 'museums', 'archeolog*', 'archeolo*', 'archaeolog*'] },
  { id: 'architecture_design', disciplines: ['architecture_design'], specific: false, labels: { nl: 'architectuur en vormgeving', fr: 'architecture et design', en: 'architecture and design' },
    patterns: ['architect*', '*architectuur*', 'gebouw*', 'batiment*', 'building*', 'bouwkunst', 'bouwtechniek*', 'ontwerp*', 'design*', 'vormgeving*', 'stedenbouw*', 'urbanis*', 'maquette*', 'constructie*', 'construction*'] },
  { id: 'circus', disciplines: ['circus'], specific: false, labels: { nl: 'circus', fr: 'cirque', en: 'circus' },
    patterns: ['circus*', '*circus*', 'cirque*', 'circassi*'] },
  { id: 'media_literacy', disciplines: ['media_literacy'], specific: false, labels: { nl: 'mediawijsheid', fr: 'éducation aux médias', en: 'media literacy' },
    patterns: ['mediawijs*', 'media', 'medias', 'digitaal', 'digitale', 'numerique*', 'digital', 'internet', 'online media', 'education aux medias', 'media literacy', 'mediageletterdheid'] },
  { id: 'multidisciplinary', disciplines: ['multidisciplinary'], specific: false, labels: { nl: 'multidisciplinair', fr: 'pluridisciplinaire', en: 'multidisciplinary' },
    patterns: ['multidisciplin*', 'pluridisciplin*', 'interdisciplin*', 'cultuureducatie', 'muzische vorming', 'muzisch*', 'kunsteducatie', 'education artistique', 'education culturelle', 'arts education', 'cultural education', 'cultuur', 'culture', 'culturel*', 'cultural'] },
];

/** Named techniques and topics. Broad on purpose: the catalogue covers Flanders and the Netherlands. */
const SPECIFIC_THEMES: Theme[] = [
  // music
  { id: 'singing', disciplines: ['music'], specific: true, labels: { nl: 'zingen en koor', fr: 'chant et chorale', en: 'singing and choir' },
    patterns: ['zang*', '*zang', 'zing*', '*zingen', 'koor', 'koren', '*koor*', 'liedje*', 'liederen', 'lied', 'canon', 'chant', 'chanter', 'chants', 'chanson*', 'chorale*', 'choeur*', 'choir*', 'sing', 'singing', 'singer*', 'songs', 'stem', 'voix', 'voice', 'vocal*'] },
  { id: 'instruments', disciplines: ['music'], specific: true, labels: { nl: 'muziekinstrumenten', fr: 'instruments de musique', en: 'musical instruments' },
    patterns: ['instrument*', '*instrument*', 'viool', 'violen', 'violon*', 'violin*', 'cello*', 'violoncelle*', 'altviool', 'alto', 'fluit*', '*fluit', 'flute*', 'klarinet*', 'clarinet*', 'trompet*', 'trumpet*', 'hoorn', 'hobo', 'piano*', 'gitaar*', 'guitar*', 'guitare*', 'orkest*', '*orkest', 'orchestr*', 'quatuor', 'strijk*', 'cordes', 'strings', 'fanfare*', 'harmonie', 'saxofoon*', 'blaas*', 'koper', 'concert*', 'symfon*', 'symphon*', 'klassieke muziek', 'musique classique', 'classical music', 'academie'] },
  { id: 'rhythm_percussion', disciplines: ['music'], specific: true, labels: { nl: 'ritme en percussie', fr: 'rythme et percussions', en: 'rhythm and percussion' },
    patterns: ['ritme*', 'ritmisch*', 'rythm*', 'rhythm*', 'percussie*', '*percussie', 'percussion*', 'slagwerk*', 'trommel*', 'tromm*', 'drum*', 'djembe*', 'tambour*', 'beat', 'beats', 'bodypercussi*', 'body percussion', 'klap*'] },
  { id: 'hiphop_rap_beatbox', disciplines: ['music'], specific: true, labels: { nl: 'rap en beatbox', fr: 'rap et beatbox', en: 'rap and beatbox' },
    patterns: ['rap', 'rapper*', 'rappen', 'raps', 'beatbox*', 'hiphopmuziek', 'urban music', 'songtekst*', 'lyrics', 'strofe*', 'flow', 'eigen nummer', 'eigen lied*', 'eigen song*'] },
  { id: 'electronic_music', disciplines: ['music'], specific: true, labels: { nl: 'elektronische muziek', fr: 'musique électronique', en: 'electronic music' },
    patterns: ['elektronisch*', 'electronique*', 'electronic*', 'sampl*', 'dj', 'djs', 'dj-set*', 'producer*', 'muzieksoftware', 'track', 'tracks', 'beats maken', 'music software', 'opname*', 'recording*', 'enregistr*'] },
  { id: 'composing', disciplines: ['music'], specific: true, labels: { nl: 'componeren', fr: 'composition musicale', en: 'composing' },
    patterns: ['componer*', 'compositie*', 'composer', 'composing', 'songwriting', 'liedjes schrijven', 'eigen nummer', 'eigen muziek', 'zelf iets creeren', 'creer*', 'zelf muziek maken'] },
  { id: 'musical_theatre', disciplines: ['music', 'theatre'], specific: true, labels: { nl: 'musical en muziektheater', fr: 'comédie musicale', en: 'musical theatre' },
    patterns: ['musical', 'musicals', 'schoolmusical*', 'muziektheater*', 'comedie musicale', 'opera*', 'operette*'] },
  // dance
  { id: 'hiphop_dance', disciplines: ['dance'], specific: true, labels: { nl: 'hiphop en streetdance', fr: 'hip-hop et danse urbaine', en: 'hip-hop and street dance' },
    patterns: ['hiphop*', 'hip hop', 'breakdance*', 'breaking', 'streetdance*', 'street dance', 'urban dance', 'danse urbaine', 'danses urbaines', 'krump*', 'popping', 'toprock', 'freeze*'] },
  { id: 'contemporary_dance', disciplines: ['dance'], specific: true, labels: { nl: 'hedendaagse dans', fr: 'danse contemporaine', en: 'contemporary dance' },
    patterns: ['hedendaagse dans', 'moderne dans', 'danse contemporaine', 'contemporaine', 'contemporary dance', 'dansvoorstelling*', 'dansgezelschap*', 'compagnie de danse', 'dance company', 'choreograaf*', 'choregraph*', 'choreograph*'] },
  { id: 'movement', disciplines: ['dance'], specific: true, labels: { nl: 'beweging', fr: 'mouvement', en: 'movement' },
    patterns: ['beweg*', 'bewegings*', 'mouvement*', 'movement*', 'lichaam*', 'corps', 'body', 'motricite', 'kleuterdans', 'bewegingsexpressie', 'expression corporelle'] },
  { id: 'folk_ballet', disciplines: ['dance'], specific: true, labels: { nl: 'volksdans en ballet', fr: 'danse folklorique et ballet', en: 'folk dance and ballet' },
    patterns: ['volksdans*', 'ballet*', 'danse folklorique', 'folk dance', 'dansles*', 'tango', 'salsa', 'wals'] },
  // theatre
  { id: 'puppetry', disciplines: ['theatre'], specific: true, labels: { nl: 'poppenspel', fr: 'marionnettes', en: 'puppetry' },
    patterns: ['pop', 'poppen', 'poppenspel*', '*poppenspel*', 'poppenkast*', '*poppen', 'marionet*', 'marionnett*', 'puppet*', 'figurentheater', 'objecttheater', 'theatre d objet*', 'object theatre', 'objecten', 'objets'] },
  { id: 'drama_improvisation', disciplines: ['theatre'], specific: true, labels: { nl: 'drama en improvisatie', fr: 'jeu théâtral et improvisation', en: 'drama and improvisation' },
    patterns: ['drama', 'dramaworkshop*', 'dramatraject*', 'dramales*', 'impro', 'improvis*', 'rollenspel*', 'jeux de role', 'jeu de role', 'role play*', 'roleplay*', 'personage*', 'personnage*', 'character*', 'toneelspel*', 'acteren', 'acting', 'jouer', 'scenes', 'scene', 'theaterworkshop*', 'atelier theatre', 'theatre workshop', 'atelier de theatre'] },
  { id: 'wordless_theatre', disciplines: ['theatre'], specific: true, labels: { nl: 'woordloos theater', fr: 'théâtre sans paroles', en: 'wordless theatre' },
    patterns: ['woordloos*', 'woordloze', 'zonder woorden', 'zonder tekst', 'weinig tekst', 'sans paroles', 'sans parole', 'sans texte', 'wordless', 'non verbal', 'non-verbal', 'nonverba*', 'beeldend theater', 'mime', 'beleving*'] },
  { id: 'storytelling', disciplines: ['literature', 'theatre'], specific: true, labels: { nl: 'vertellen', fr: 'contes et récits', en: 'storytelling' },
    patterns: ['vertel*', '*vertel*', 'verteller*', 'verhaal', 'verhalen', '*verhalen', 'conte', 'contes', 'conteu*', 'recit*', 'storytell*', 'story', 'stories', 'kamishibai*', 'vertelplaat*', 'sprookje*', 'fable*', 'legende*', 'mythe*'] },
  // visual arts
  { id: 'painting', disciplines: ['visual_arts'], specific: true, labels: { nl: 'schilderen', fr: 'peinture', en: 'painting' },
    patterns: ['schilder*', '*schilder*', 'verf', 'verven', 'verf*', 'gouache', 'aquarel*', 'acryl*', 'penseel*', 'peinture*', 'peindre', 'peins', 'pinceau*', 'painting*', 'paint', 'paints', 'painter*', 'expressionis*', 'impressionis*', 'ezel*', 'doek*'] },
  { id: 'drawing_illustration', disciplines: ['visual_arts'], specific: true, labels: { nl: 'tekenen en illustratie', fr: 'dessin et illustration', en: 'drawing and illustration' },
    patterns: ['teken*', '*teken', '*tekenen', 'dessin', 'dessins', 'dessine*', 'dessiner', 'drawing*', 'draw', 'illustr*', 'oliepastel*', 'potlood*', 'schets*', 'croquis', 'sketch*', 'collage*', 'scheurcollage', 'stempel*', 'prenten', 'prent'] },
  { id: 'comics', disciplines: ['visual_arts', 'literature'], specific: true, labels: { nl: 'strips', fr: 'bande dessinée', en: 'comics' },
    patterns: ['strip', 'strips', 'stripverha*', 'striptekenaar*', 'bd', 'bande dessinee', 'bandes dessinees', 'comic*', 'manga*', 'graphic novel*', 'beeldverha*'] },
  { id: 'street_art', disciplines: ['visual_arts'], specific: true, labels: { nl: 'graffiti en street art', fr: 'graffiti et street art', en: 'graffiti and street art' },
    patterns: ['graffiti*', '*graffiti*', 'street art', 'streetart*', 'muurschilder*', 'muurkunst', 'spuitbus*', 'lettering', 'stencil*', 'pochoir*', 'fresque*', 'mural', 'murals', 'art urbain', 'urban art', 'tag', 'tags', 'bombe*', 'spray*', 'muralisme'] },
  { id: 'sculpture_3d', disciplines: ['visual_arts'], specific: true, labels: { nl: 'ruimtelijk werken en beeldhouwen', fr: 'sculpture et modelage', en: 'sculpture and modelling' },
    patterns: ['beeldhouw*', 'boetseer*', 'boetseren', 'klei', 'kleien', 'keramiek*', 'ceramique*', 'ceramic*', 'pottery', 'sculpt*', 'modelage', 'modeler', 'modelling', 'modeling', 'argile', 'clay', 'speksteen', 'steen', 'pierre', '3d', 'ruimtelijk*', 'driedimension*', 'tridimension*', 'beeldje*', 'assemblage*', 'installatie*', 'bouwen', 'construire'] },
  { id: 'photography', disciplines: ['visual_arts', 'film_media'], specific: true, labels: { nl: 'fotografie', fr: 'photographie', en: 'photography' },
    patterns: ['foto', 'fotos', 'fotograf*', 'fotografe*', 'fotografie*', 'fototraject*', 'fotoproject*', 'fotoreportage*', 'photo', 'photos', 'photograph*', 'photographie*', 'lens', 'kadrering', 'cadrage', 'framing', 'beeldtaal', 'langage visuel'] },
  { id: 'printmaking', disciplines: ['visual_arts'], specific: true, labels: { nl: 'grafiek en drukken', fr: 'gravure et impression', en: 'printmaking' },
    patterns: ['grafiek', 'gravure*', 'etsen', 'ets', 'druktechniek*', 'drukken', 'linosnede*', 'zeefdruk*', 'serigraph*', 'impression', 'estampe*', 'printmaking', 'printing', 'prints', 'tirage*'] },
  { id: 'textile_weaving', disciplines: ['visual_arts', 'heritage'], specific: true, labels: { nl: 'textiel en weven', fr: 'textile et tissage', en: 'textile and weaving' },
    patterns: ['weef*', 'weven', 'geweven', 'tissage*', 'tisser*', 'tisserand*', 'textiel*', '*textiel*', 'textile*', 'wol', 'laine', 'wool', 'naai*', 'borduur*', 'broderie', 'weaving', 'weave', 'loom', 'metier a tisser', 'raamgetouw*', 'draad*', 'spinnen', 'filature', 'fileuse*'] },
  { id: 'land_art_nature', disciplines: ['visual_arts'], specific: true, labels: { nl: 'landart en natuur', fr: 'land art et nature', en: 'land art and nature' },
    patterns: ['landart', 'land art', 'natuur', 'natuurmateria*', 'natuurlijk* materia*', 'nature', 'buiten', 'buitenles*', 'buitenklas*', 'plein air', 'outdoor*', 'outside', 'tak', 'takken', 'blad', 'bladeren', 'bos', 'bossen', 'foret*', 'forest*', 'woods', 'beek', 'landschap*', 'paysage*', 'landscape*', 'tuin*', 'jardin*', 'garden*'] },
  { id: 'contemporary_art', disciplines: ['visual_arts'], specific: true, labels: { nl: 'hedendaagse kunst', fr: 'art contemporain', en: 'contemporary art' },
    patterns: ['hedendaagse kunst', 'moderne kunst', 'art contemporain', 'art moderne', 'contemporary art', 'modern art', 'tentoonstelling*', 'expositie*', 'exposition*', 'exhibition*', 'kunstmuseum*', 'musee d art', 'art museum', 'expo'] },
  // film & media
  { id: 'filmmaking', disciplines: ['film_media'], specific: true, labels: { nl: 'zelf film maken', fr: 'réaliser un film', en: 'filmmaking' },
    patterns: ['filmpje maken', 'film maken', 'films maken', 'filmmaken', 'kortfilm*', 'filmtraject*', 'filmproject*', 'video maken', 'videoclip*', 'reportage*', 'scenario*', 'storyboard*', 'montage', 'monteren', 'draaien', 'tournage', 'tourner', 'realiser un film', 'filmmaking', 'film making', 'make a film', 'shoot*', 'camera', 'cameras', 'regie'] },
  { id: 'animation', disciplines: ['film_media'], specific: true, labels: { nl: 'animatiefilm', fr: 'cinéma d’animation', en: 'animation' },
    patterns: ['animatie*', 'animatiefilm*', 'stop motion', 'stopmotion', 'stop-motion', 'tekenfilm*', 'dessin anime', 'dessins animes', 'cinema d animation', 'film d animation', 'animation', 'animated', 'beeld per beeld', 'image par image', 'frame by frame'] },
  { id: 'film_viewing', disciplines: ['film_media'], specific: true, labels: { nl: 'film kijken', fr: 'voir un film', en: 'watching films' },
    patterns: ['bioscoop*', 'cinema', 'filmvoorstelling*', 'schoolfilm*', 'jeugdfilm*', 'filmklas*', 'kortfilms', 'korte film*', 'filmpjes', 'screening*', 'projection*', 'seance de cinema', 'film kijken', 'films kijken', 'filmeducatie', 'filmanalyse'] },
  { id: 'journalism_news', disciplines: ['film_media', 'media_literacy'], specific: true, labels: { nl: 'nieuws en journalistiek', fr: 'journalisme', en: 'news and journalism' },
    patterns: ['nieuws*', 'journalist*', 'journalis*', 'journal', 'reporter*', 'reportage*', 'green screen', 'actualit*', 'news', 'krant*', 'presentator*', 'podcast*', 'radio*'] },
  // literature
  { id: 'picture_books_reading', disciplines: ['literature'], specific: true, labels: { nl: 'voorlezen en prentenboeken', fr: 'lecture et albums', en: 'reading aloud and picture books' },
    patterns: ['prentenboek*', '*prentenboek*', 'voorle*', 'voorlees*', 'lezen', 'leesbevordering*', 'leesplezier', 'boeken', 'boek', 'kinderboek*', 'jeugdboek*', 'album', 'albums', 'albums jeunesse', 'livre*', 'lecture*', 'lire', 'read aloud', 'reading', 'picture book*', 'bib', 'bibliothe*', 'bibliotheque*', 'library', 'libraries', 'mediatheque*', 'jeugdauteur*', 'kinderboekenschrijver*', 'illustrator*'] },
  { id: 'poetry_spoken_word', disciplines: ['literature'], specific: true, labels: { nl: 'poëzie en spoken word', fr: 'poésie et slam', en: 'poetry and spoken word' },
    patterns: ['poezie', 'poetry', 'poem*', 'poeme*', 'poesie', 'poete*', 'poet', 'poets', 'gedicht*', 'dichter*', 'dicht', 'slam', 'slams', 'slammer*', 'spoken word', 'rijm*', 'rime*', 'rhym*', 'verzen', 'woordkunst'] },
  { id: 'creative_writing', disciplines: ['literature'], specific: true, labels: { nl: 'creatief schrijven', fr: 'écriture créative', en: 'creative writing' },
    patterns: ['schrijven', 'schrijf*', 'schrijfworkshop*', 'creatief schrijven', 'ecriture*', 'ecrire', 'writing', 'write', 'brieven', 'brief', 'lettre*', 'letter*'] },
  // heritage
  { id: 'world_war_1', disciplines: ['heritage'], specific: true, labels: { nl: 'Eerste Wereldoorlog', fr: 'Première Guerre mondiale', en: 'First World War' },
    patterns: ['eerste wereldoorlog', 'groote oorlog', 'grote oorlog', 'wo i', 'woi', 'wo1', 'wwi', 'ww1', '1914', '1915', '1916', '1917', '1918', 'loopgraaf', 'loopgraven', 'westhoek', 'klaproos', 'klaprozen', 'premiere guerre mondiale', 'grande guerre', 'guerre 14', 'first world war', 'great war', 'world war one', 'world war i', 'trenches', 'tranchee*', 'poppy', 'poppies', 'coquelicot*', 'ieperboog', 'ypres salient', 'etappengebiet', 'bezet gebied', 'bezetting', 'occupation', 'gasaanval*', 'in flanders fields'] },
  { id: 'world_war_2', disciplines: ['heritage'], specific: true, labels: { nl: 'Tweede Wereldoorlog', fr: 'Seconde Guerre mondiale', en: 'Second World War' },
    patterns: ['tweede wereldoorlog', 'wo ii', 'woii', 'wo2', 'wwii', 'ww2', '1940', '1944', '1945', 'holocaust', 'shoah', 'jodenvervolging', 'seconde guerre mondiale', 'deuxieme guerre mondiale', 'second world war', 'world war two', 'world war ii', 'bevrijding', 'liberation', 'anne frank', 'kazerne dossin'] },
  { id: 'war_and_peace', disciplines: ['heritage'], specific: true, labels: { nl: 'oorlog en vrede', fr: 'guerre et paix', en: 'war and peace' },
    patterns: ['oorlog*', '*oorlog', 'wereldoorlog*', 'guerre*', 'war', 'wars', 'warfare', 'vrede*', '*vrede', 'paix', 'peace*', 'soldaat', 'soldaten', 'soldat*', 'soldier*', 'vluchteling*', 'refugie*', 'front', 'herdenking*', 'commemorat*', 'memorial', 'propaganda*'] },
  { id: 'middle_ages', disciplines: ['heritage'], specific: true, labels: { nl: 'middeleeuwen', fr: 'Moyen Âge', en: 'Middle Ages' },
    patterns: ['middeleeuw*', 'moyen age', 'moyen-age', 'medieval*', 'middle ages', 'ridder*', 'chevalier*', 'knight*', 'kasteel*', 'burcht*', 'chateau fort', 'castle*', 'gilde*', 'guild*', 'ambacht*', 'artisan*', 'craftsm*', 'kathedra*', 'cathedra*', 'abdij*', 'abbaye*', 'monnik*', 'moine*', 'belfort*', 'beffroi*', 'stadhuis', 'lakenhalle*', '14de eeuw', '13de eeuw', 'xive', 'graaf van vlaanderen'] },
  { id: 'battle_of_the_golden_spurs', disciplines: ['heritage'], specific: true, labels: { nl: 'Guldensporenslag (1302)', fr: 'bataille des Éperons d’or (1302)', en: 'Battle of the Golden Spurs (1302)' },
    patterns: ['1302', 'guldensporen*', 'guldensporenslag', 'slag bij kortrijk', 'bataille de courtrai', 'eperons d or', 'golden spurs', 'groeningekouter', 'goedendag', 'leeuw van vlaanderen', 'breydel', 'de coninck', '11 juli'] },
  { id: 'antiquity_prehistory', disciplines: ['heritage'], specific: true, labels: { nl: 'prehistorie en oudheid', fr: 'préhistoire et Antiquité', en: 'prehistory and antiquity' },
    patterns: ['prehistor*', 'oudheid', 'antiquit*', 'antiquity', 'romein*', 'romain*', 'kelt*', 'celt*', 'franken', 'francs', 'franks', 'merovin*', 'childeric', 'clovis', 'egypt*', 'griek*', 'grec*', 'greek*', 'steentijd', 'ijzertijd', 'bronstijd', 'dinosaur*', 'archeolog*', 'opgraving*', 'fouille*', 'excavation*', 'schat', 'tresor', 'treasure'] },
  { id: 'early_modern_golden_age', disciplines: ['heritage', 'visual_arts'], specific: true, labels: { nl: 'Gouden Eeuw en renaissance', fr: 'Siècle d’or et Renaissance', en: 'Golden Age and Renaissance' },
    patterns: ['gouden eeuw', 'siecle d or', 'golden age', 'renaissance', 'barok*', 'baroque', 'rubens', 'rembrandt', 'vermeer', 'bruegel', 'van eyck', 'vlaamse primitieven', 'primitifs flamands', 'voc', 'zeevaart', 'ontdekkingsreiz*'] },
  { id: 'fortifications', disciplines: ['heritage', 'architecture_design'], specific: true, labels: { nl: 'vestingwerken', fr: 'fortifications', en: 'fortifications' },
    patterns: ['vesting*', '*vesting*', 'vestingwal*', 'wallen', 'stadswal*', 'vauban', 'fortific*', 'bastion*', 'rempart*', 'rampart*', 'citadel*', 'citadelle*', 'schans*', 'forteresse*', 'fortress*', 'forten', 'stadspoort*', 'verdedigingswerk*', 'waterlinie', 'stelling van amsterdam'] },
  { id: 'industrial_heritage', disciplines: ['heritage', 'architecture_design'], specific: true, labels: { nl: 'industrieel erfgoed', fr: 'patrimoine industriel', en: 'industrial heritage' },
    patterns: ['industri*', '*industrie*', 'fabriek*', '*fabriek', 'usine*', 'factory', 'factories', 'mijn', 'mijnen', 'steenkool*', 'charbon*', 'mine', 'mines', 'coal', 'elektriciteitscentrale*', 'centrale', 'machine*', 'machinezaal', 'stoommachine*', 'herbestemming*', 'reconversion', 'arbeid*', 'arbeider*', 'ouvrier*', 'workers', 'schouw', 'textielnijverheid', 'nijverheid'] },
  { id: 'flax_textile_history', disciplines: ['heritage'], specific: true, labels: { nl: 'vlas en textielgeschiedenis', fr: 'lin et histoire textile', en: 'flax and textile history' },
    patterns: ['vlas*', '*vlas', 'linnen', 'lin', 'flax', 'linen', 'textielgeschiedenis', 'histoire textile', 'textielindustrie', 'industrie textile', 'textile industry', 'zwingel*', 'hekel*', 'roten', 'golden river', 'katoen*', 'coton', 'cotton', 'spinnerij*', 'weverij*', 'filature*'] },
  { id: 'tobacco_smuggling_border', disciplines: ['heritage'], specific: true, labels: { nl: 'grens, tabak en smokkel', fr: 'frontière, tabac et contrebande', en: 'border, tobacco and smuggling' },
    patterns: ['tabak*', '*tabak', 'tabac*', 'tobacco', 'smokkel*', '*smokkel*', 'contrebande*', 'fraudeur*', 'smuggl*', 'grens', 'grenzen', 'grensstreek*', 'grensrivier*', 'grensstad', '*grens', 'frontiere*', 'border*', 'douane*', 'douanier*', 'customs'] },
  { id: 'rivers_water', disciplines: ['heritage'], specific: true, labels: { nl: 'rivieren en water', fr: 'rivières et eau', en: 'rivers and water' },
    patterns: ['rivier*', 'water', 'leie', 'waal', 'amstel', 'ijssel', 'sambre', 'schelde', 'maas', 'rijn', 'ijssel', 'riviere*', 'fleuve*', 'escaut', 'lys', 'meuse', 'river*', 'scheepvaart', 'schipper*', 'binnenvaart', 'jaagpad*', 'sluis*', 'ecluse*', 'kanaal', 'kanalen', 'canal', 'canals', 'haven*', 'dijk*', 'polder*', 'veerman*', 'meersen'] },
  { id: 'local_history', disciplines: ['heritage'], specific: true, labels: { nl: 'lokale geschiedenis', fr: 'histoire locale', en: 'local history' },
    patterns: ['lokale geschiedenis', 'eigen dorp', 'eigen wijk', 'eigen stad', 'eigen gemeente', 'eigen regio', 'eigen streek', 'onze streek', 'in de streek', 'streekgeschiedenis', 'eigen buurt', 'eigen wijk', 'onze stad', 'onze regio', 'stad vroeger', 'dorp vroeger', 'histoire locale', 'histoire de la region', 'local history', 'heemkunde', 'heemkundig*', 'stadsgeschiedenis', 'dorpsgeschiedenis', 'quartier', 'neighbourhood', 'neighborhood', 'stadswandeling*', 'stadsgids*', 'vroeger en nu', 'oude foto*', 'archief*', 'archive*', 'archives'] },
  { id: 'history_critical', disciplines: ['heritage', 'media_literacy'], specific: true, labels: { nl: 'bronnenkritiek en beeldvorming', fr: 'critique des sources', en: 'source criticism' },
    patterns: ['bronnenkritiek', 'bronnen', 'bron', 'sources', 'critique des sources', 'source criticism', 'beeldvorming', 'mythe*', 'myth*', 'nationalisme*', 'nationalism*', 'propaganda*', 'herinnering*', 'memoire', 'memory', 'heldenverha*', 'historiografie', 'kritisch*', 'critique*', 'critical*'] },
  { id: 'colonial_migration', disciplines: ['heritage'], specific: true, labels: { nl: 'kolonialisme en migratie', fr: 'colonialisme et migration', en: 'colonialism and migration' },
    patterns: ['kolonia*', 'colonia*', 'colonis*', 'congo', 'slavernij', 'esclavage', 'slavery', 'suriname', 'indonesie', 'dekolonis*', 'decolonis*', 'migratie*', 'migrant*', 'migration*', 'gastarbeid*', 'immigra*', 'emigra*'] },
  // architecture & design
  { id: 'architecture_city', disciplines: ['architecture_design'], specific: true, labels: { nl: 'architectuur en stad', fr: 'architecture et ville', en: 'architecture and the city' },
    patterns: ['architect*', 'architectuur*', 'architectuurwandeling*', 'gebouw*', 'batiment*', 'building*', 'stedenbouw*', 'urbanis*', 'publieke ruimte', 'espace public', 'public space', 'brug', 'bruggen', 'pont', 'ponts', 'bridge*', 'toren*', 'kaai*', 'quai*', 'materialen', 'materiaux', 'materials', 'constructie*', 'construction*', 'herbestemming*', 'woning*', 'huizen', 'maison*', 'houses'] },
  { id: 'model_making_design', disciplines: ['architecture_design', 'visual_arts'], specific: true, labels: { nl: 'maquettes en ontwerpen', fr: 'maquettes et design', en: 'model making and design' },
    patterns: ['maquette*', 'model', 'modellen', 'scale model*', 'ontwerp*', 'ontwerpen', 'design*', 'concevoir', 'conception', 'vormgev*', 'droomstad', 'stad ontwerpen', 'ville ideale', 'dream city', 'karton', 'carton', 'cardboard', 'bouwen', 'construire', 'build', 'building', 'mode', 'fashion', 'meubel*', 'product design', 'grafisch ontwerp'] },
  // circus
  { id: 'circus_skills', disciplines: ['circus'], specific: true, labels: { nl: 'circustechnieken', fr: 'arts du cirque', en: 'circus skills' },
    patterns: ['jongl*', 'jonglerie', 'juggl*', 'acrobat*', 'acrobatie*', 'evenwicht*', 'equilibr*', 'balance', 'trapeze*', 'trapez*', 'clown*', 'clownerie', 'diabolo*', 'koorddans*', 'slappe koord', 'rola bola', 'eenwieler*', 'monocycle*', 'unicycl*', 'luchtacrobatie', 'aerien*', 'aerial', 'chapiteau*', 'circustent', 'piste'] },
  // media literacy
  { id: 'disinformation', disciplines: ['media_literacy'], specific: true, labels: { nl: 'nepnieuws en desinformatie', fr: 'infox et désinformation', en: 'fake news and disinformation' },
    patterns: ['fake news', 'fakenews', 'nepnieuws*', 'desinformatie*', 'disinformat*', 'misinformat*', 'desinformation*', 'infox', 'fausses informations', 'fausses nouvelles', 'deepfake*', 'complot*', 'conspira*', 'factcheck*', 'fact check*', 'fact-check*', 'bronnen checken', 'checken', 'verifier', 'verify', 'verification*', 'manipul*', 'beeldmanipulatie', 'hoax*', 'nieuwsdetective*', 'echt of nep', 'is dit echt', 'propaganda*'] },
  { id: 'social_media_algorithms', disciplines: ['media_literacy'], specific: true, labels: { nl: 'sociale media en algoritmes', fr: 'réseaux sociaux et algorithmes', en: 'social media and algorithms' },
    patterns: ['sociale media', 'social media', 'reseaux sociaux', 'algoritm*', 'algorithm*', 'algorithme*', 'tiktok', 'instagram', 'snapchat', 'youtube', 'facebook', 'filterbubbel*', 'filter bubble*', 'bulle de filtre*', 'influencer*', 'smartphone*', 'schermtijd', 'screen time', 'privacy', 'online veiligheid', 'cyberpest*', 'cyberharcelement', 'cyberbullying', 'artificiele intelligentie', 'artificial intelligence', 'intelligence artificielle', 'chatgpt'] },
  { id: 'coding_robotics', disciplines: ['media_literacy'], specific: true, labels: { nl: 'programmeren en robotica', fr: 'programmation et robotique', en: 'coding and robotics' },
    patterns: ['programmeer*', 'programmeren', 'programmation', 'programmer', 'programming', 'coding', 'code', 'coderen', 'codage', 'scratch', 'robot*', 'robotica', 'robotique', 'robotics', 'computationeel denken', 'computational thinking', 'informatica', 'informatique', 'computer science', 'game', 'games', 'jeu video', 'jeux video', 'video game*', 'microbit', 'micro bit', 'lego', 'steam', 'maker*', '3d print*'] },
  { id: 'information_literacy', disciplines: ['media_literacy', 'literature'], specific: true, labels: { nl: 'informatievaardigheden', fr: 'recherche d’information', en: 'information literacy' },
    patterns: ['informatievaardig*', 'informatie zoeken', 'opzoeken', 'zoekmachine*', 'moteur de recherche', 'search engine*', 'bronvermelding', 'bronnen vermelden', 'citer ses sources', 'spreekbeurt*', 'groepswerk', 'expose', 'research skills', 'catalogus', 'bibcatalogus'] },
  // cross-cutting
  { id: 'special_needs', disciplines: ['multidisciplinary'], specific: true, labels: { nl: 'buitengewoon onderwijs', fr: 'enseignement spécialisé', en: 'special needs education' },
    patterns: ['buitengewoon*', 'buso', 'buba', 'bijzonder onderwijs', 'speciaal onderwijs', 'speciaal basisonderwijs', 'sbo', 'enseignement specialise', 'special needs', 'special education', 'beperking*', 'handicap*', 'gehandicapt*', 'autisme', 'autism*', 'autiste*', 'adhd', 'type 2', 'type 3', 'type 9', 'meervoudig*', 'verstandelijk*', 'zintuig*', '*zintuig*', 'sensori*', 'sensoriel*', 'sensory', 'multisensor*', 'snoezel*', 'rolstoel*', 'fauteuil roulant', 'wheelchair*', 'inclusie*', 'inclusi*', 'toegankelijk*', 'accessib*', 'zorgleerling*', 'gedragsproblem*', 'klankschal*', 'prikkel*', 'rustig tempo'] },
  { id: 'newcomers_multilingual', disciplines: ['multidisciplinary'], specific: true, labels: { nl: 'nieuwkomers en meertaligheid', fr: 'primo-arrivants et plurilinguisme', en: 'newcomers and multilingualism' },
    patterns: ['okan', 'okan-klas*', 'isk', 'anderstalig*', 'nieuwkomer*', 'newcomer*', 'refugee*', 'vluchteling*', 'primo arrivant*', 'primo-arrivant*', 'fle', 'daspa', 'nt2', 'tweede taal', 'seconde langue', 'second language', 'meertalig*', 'plurilingu*', 'multiling*', 'tweetalig*', 'bilingu*', 'taaldrempel', 'taal niet de drempel', 'weinig nederlands', 'geen nederlands', 'zonder taal', 'langue etrangere', 'vreemde taal', 'foreign language', 'francais langue etrangere', 'frans leren', 'apprennent le francais', 'nederlands leren', 'learning dutch', 'taalles*', 'communiceren', 'communiquer', 'spreekdurf', 'durven spreken', 'durven geen'] },
  { id: 'low_threshold_free', disciplines: ['multidisciplinary'], specific: true, labels: { nl: 'gratis en laagdrempelig', fr: 'gratuit et accessible', en: 'free and low-threshold' },
    patterns: ['gratis', 'gratuit*', 'free', 'free of charge', 'laagdrempelig*', 'kansarm*', 'kansengroep*', 'indicatorleerling*', 'armoede*', 'pauvrete', 'poverty', 'geen budget', 'weinig budget', 'weinig werkingsmiddelen', 'sans budget', 'petit budget', 'no budget', 'low budget', 'uitpas', 'subsidie*', 'gesubsidieerd*'] },
  { id: 'sustainability_society', disciplines: ['multidisciplinary'], specific: true, labels: { nl: 'duurzaamheid en samenleving', fr: 'durabilité et société', en: 'sustainability and society' },
    patterns: ['klimaat*', 'climat*', 'climate', 'duurzaam*', 'durable*', 'sustainab*', 'milieu*', 'environnement*', 'environment*', 'recycl*', 'afval', 'dechet*', 'waste', 'verspilling', 'gaspillage', 'herstel*', 'repair*', 'reparer', 'activisme', 'activist*', 'maatschappelijk*', 'societe*', 'society', 'social issues', 'burgerschap', 'citoyennete', 'citizenship', 'democratie*', 'democracy', 'identiteit*', 'identite*', 'identity', 'diversiteit*', 'diversite*', 'diversity', 'racisme*', 'racism', 'thuis', 'vriendschap*', 'amitie', 'friendship', 'gender', 'emoties', 'emotions', 'pesten', 'harcelement', 'bullying', 'filosof*', 'philosoph*', 'debat*', 'debate*', 'nagesprek*', 'gesprek*', 'discussion*'] },
  { id: 'education_policy_team', disciplines: ['multidisciplinary'], specific: true, labels: { nl: 'cultuurbeleid en schoolteam', fr: 'politique culturelle de l’école', en: 'school culture policy' },
    patterns: ['cultuurbeleid*', 'cultuurcoach*', 'cultuurbeleidsplan*', 'doorlopende lijn', 'leerlijn*', 'leerlijnen', 'cultuureducatie', 'muzische vorming', 'muzische', 'muzisch', 'schoolteam', 'leerkrachtenteam', 'kernteam', 'team', 'schoolwerking', 'visie', 'pedagogisch*', 'didacti*', 'parcours d education artistique', 'peac', 'cultural policy', 'procesgericht*', 'werkvormen', 'leerkrachten', 'enseignants', 'teachers', 'leraren', 'kunstzinnige orientatie', 'cultuurprofiel*'] },
];

export const THEMES: readonly Theme[] = [...DISCIPLINE_THEMES, ...SPECIFIC_THEMES];
export const THEMES_BY_ID: ReadonlyMap<string, Theme> = new Map(THEMES.map((t) => [t.id, t]));

export function themeLabel(id: string, lang: 'nl' | 'fr' | 'en'): string {
  return THEMES_BY_ID.get(id)?.labels[lang] ?? id;
}
