/**
 * The words of a catalog in the other language: a French user names "Office Lamp" as "lampe de
 * bureau", "Large Cabinet" as "grande armoire", a database's products keep the names they were
 * created with (Odoo's demo data: English). A small table of the nouns and adjectives products,
 * customers' kinds of business and projects are named with, French ↔ English, both ways; words
 * are compared without accents and in the singular.
 *
 * Decided: a table rather than a translation model or service — it runs offline in microseconds,
 * covers what ERP catalogs are named with, and a wrong entry only adds a candidate the name
 * matching still has to confirm whole.
 */
const FR_EN: Record<string, string[]> = {
  lampe: ["lamp", "light"], luminaire: ["lamp", "light"], lumiere: ["light", "lamp"], ampoule: ["bulb"],
  chaise: ["chair"], fauteuil: ["chair", "armchair"], siege: ["seat", "chair"], tabouret: ["stool"],
  bureau: ["desk", "office"], table: ["table"], armoire: ["cabinet", "wardrobe"], placard: ["cabinet", "cupboard"], meuble: ["cabinet", "furniture"],
  tiroir: ["drawer"], caisson: ["drawer", "pedestal"], canape: ["sofa", "couch"], sofa: ["sofa"], divan: ["sofa", "couch"],
  boite: ["box"], carton: ["box"], caisse: ["box", "crate"], rangement: ["storage"], stockage: ["storage"],
  etagere: ["shelf", "shelves", "shelving"], bibliotheque: ["bookcase", "shelf"], casier: ["locker"],
  poubelle: ["bin", "trash"], corbeille: ["bin", "basket"], pedale: ["pedal"],
  ecran: ["screen", "monitor"], moniteur: ["monitor", "screen"], clavier: ["keyboard"], souris: ["mouse"], imprimante: ["printer"],
  vis: ["screw"], boulon: ["bolt"], ecrou: ["nut"], clou: ["nail"], cable: ["cable"], fil: ["wire", "cable"], prise: ["plug", "socket"],
  porte: ["door"], fenetre: ["window"], tapis: ["rug", "carpet", "mat"], moquette: ["carpet"], rideau: ["curtain"], store: ["blind"],
  miroir: ["mirror"], coussin: ["cushion"], lit: ["bed"], matelas: ["mattress"], oreiller: ["pillow"],
  protection: ["protection", "protector"], protege: ["protector", "protection"], sol: ["floor"], plancher: ["floor"], mur: ["wall"],
  support: ["stand", "holder", "support"], pied: ["leg", "foot"], plateau: ["top", "tray"], panneau: ["panel", "board"], cloison: ["partition", "panel"],
  bloc: ["bloc", "block"], acoustique: ["acoustic"], reunion: ["meeting"], conference: ["conference"], salle: ["room"],
  grand: ["large", "big"], grande: ["large", "big"], gros: ["large", "big"], petit: ["small"], petite: ["small"], moyen: ["medium"],
  noir: ["black"], noire: ["black"], blanc: ["white"], blanche: ["white"], bleu: ["blue"], rouge: ["red"], vert: ["green"], verte: ["green"],
  gris: ["grey", "gray"], grise: ["grey", "gray"], jaune: ["yellow"], marron: ["brown"], beige: ["beige"],
  bois: ["wood", "wooden"], acier: ["steel"], metal: ["metal"], verre: ["glass"], cuir: ["leather"], tissu: ["fabric"], aluminium: ["aluminium", "aluminum"],
  personnalisable: ["customizable", "customisable"], reglable: ["adjustable"], pliant: ["folding"], mobile: ["mobile"], roulant: ["rolling"],
  gestion: ["management"], service: ["service"], services: ["services"], installation: ["installation"], entretien: ["maintenance"],
  plomberie: ["plumbing"], peinture: ["painting", "paint"], electricite: ["electrical", "electricity"], menuiserie: ["carpentry"],
  maison: ["house", "home"], construction: ["construction"], renovation: ["renovation", "renovations"], amenagement: ["design", "fitting"],
  kit: ["kit"], ensemble: ["set", "kit"], lot: ["set", "pack"], paquet: ["pack"], accessoire: ["accessory"], piece: ["part", "piece"],
  poste: ["workplace", "workstation", "station"], travail: ["work", "workplace"], individuel: ["individual"], individuelle: ["individual"],
  manger: ["dining"], repas: ["dining"], exterieur: ["outdoor", "outside"], jardin: ["garden", "outdoor"], interieur: ["indoor"],
  place: ["seat", "seater"], trois: ["three"], quatre: ["four"], deux: ["two"], personne: ["person"],
  gestionnaire: ["management"],
  coin: ["corner"], angle: ["corner"], combine: ["combination"], combinaison: ["combination"], pieds: ["legs"], roue: ["wheel"], roulette: ["caster", "wheel"],
};

/** Joining words a French name puts between its words ("lampe de bureau", "boîte à outils"). */
export const JOINERS = new Set(["de", "du", "des", "d", "a", "au", "aux", "en", "pour", "of", "for", "with", "avec", "the", "le", "la", "les", "l"]);

const EN_FR: Record<string, string[]> = {};
for (const [french, english] of Object.entries(FR_EN)) for (const word of english) (EN_FR[word] ??= []).push(french);

/** A word in the singular, as the table keeps it ("lampes" → "lampe", "boxes" → "box", "chevaux" not handled). */
function singular(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && /s$/.test(word)) forms.push(word.slice(0, -1));
  if (word.length > 4 && /es$/.test(word)) forms.push(word.slice(0, -2));
  if (word.length > 3 && /x$/.test(word)) forms.push(word.slice(0, -1));
  return forms;
}

/** The words `word` (normalized: lower case, no accents) may be in the other language. */
export function translationsOf(word: string): string[] {
  const out = new Set<string>();
  for (const form of singular(word)) for (const other of [...(FR_EN[form] ?? []), ...(EN_FR[form] ?? [])]) if (other !== word) out.add(other);
  return [...out];
}
