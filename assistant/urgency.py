"""Danger to life or safety, detected before anything else, and answered with 112 first.

A missed emergency is the worst failure of the product and a false alarm is cheap, so the patterns
lean towards recall; they stay specific enough that procedure questions about the same topics
("assurance incendie", "overlijden aangeven", "aide médicale urgente") do not set them off.

Why regular expressions and not a classifier: each pattern can be read, tested and fixed alone,
they run in microseconds offline, and they cannot be talked out of an emergency.

How the text is read: accents and case are folded, punctuation and apostrophes become spaces
("m'tuer" -> "m tuer"), letters stretched for emphasis are shrunk ("mourirrr"), an elided "je"
glued to its verb is split ("jveux" -> "je veux"), and a few SMS and English contractions are
written out ("chui", "dont", "wanna"). Patterns then see words separated by single spaces.

The patterns of all three languages always run, whatever language the question was detected in:
people mix languages, and language detection is unreliable on a short cry for help. The language
only picks the help lines and the wording of the message. When several kinds match, the kind is
the most specific one (`_SPECIFICITY`) and its help lines come first after 112; the help lines of
the other matched kinds follow, since a person in danger may need both.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum

from indexing.models import Channel, ChannelKind, Language
from indexing.text import fold_accents

logger = logging.getLogger(__name__)


class UrgencyKind(StrEnum):
    """The kinds of danger that send a citizen to 112 and a help line instead of an answer."""

    SUICIDE = "suicide"
    VIOLENCE = "violence"
    CHILD_DANGER = "child_danger"
    FIRE = "fire"
    MEDICAL = "medical"
    POISONING = "poisoning"


@dataclass(frozen=True)
class Urgency:
    """A detected danger: its kind, and the channels to show, 112 always first."""

    kind: UrgencyKind
    channels: tuple[Channel, ...]


# Most specific first: an intentional overdose is a suicide attempt before it is a poisoning, a
# child swallowing bleach is a poisoning (the poison centre knows what to do) before anything else.
_SPECIFICITY: tuple[UrgencyKind, ...] = (
    UrgencyKind.SUICIDE,
    UrgencyKind.POISONING,
    UrgencyKind.CHILD_DANGER,
    UrgencyKind.VIOLENCE,
    UrgencyKind.FIRE,
    UrgencyKind.MEDICAL,
)

# --- Reading the text -------------------------------------------------------------------------

_NOT_A_WORD = re.compile(r"[\W_]+")
_STRETCHED_LETTER = re.compile(r"([a-z])\1{2,}")
# French words never start with "j" + consonant: that is an elided "je" ("jveux", "jme", "jsuis").
_GLUED_JE = re.compile(r"\bj(?=[bcdfghjklmnpqrstvwxz])")
_SHORTHANDS = {
    "chui": "je suis", "chuis": "je suis", "jai": "j ai", "jen": "j en",
    "im": "i m", "dont": "don t", "cant": "can t", "wont": "won t", "isnt": "isn t",
    "doesnt": "doesn t", "didnt": "didn t", "wanna": "want to", "gonna": "going to",
    "theres": "there s", "mn": "mijn", "zn": "zijn", "k": "ik", "nie": "niet",
}


def normalise_for_urgency(text: str) -> str:
    """The text as the patterns read it: folded, one space between words, shorthands written out."""
    spaced = _NOT_A_WORD.sub(" ", fold_accents(text))
    unstretched = _STRETCHED_LETTER.sub(r"\1", spaced)
    unglued = _GLUED_JE.sub("je ", unstretched)
    return " ".join(_SHORTHANDS.get(word, word) for word in unglued.split())


# --- Patterns ---------------------------------------------------------------------------------
# Building blocks. A gap is a few words between two parts of a phrase ("il m'a encore frappée").

_GAP1 = r"(?:\w+ )?"
_GAP2 = r"(?:\w+ ){0,2}?"
_GAP3 = r"(?:\w+ ){0,3}?"
_GAP4 = r"(?:\w+ ){0,4}?"
_SUICIDE_WORD = r"su[iy]?[cs]{1,2}[iy]?d\w*"  # suicide, suicidaire, suicid, sucide, suiside

# "continuer" is about life only when nothing is continued: not "continuer mes études".
_FR_CONTINUE_LIVING = (
    r"continuer(?! (?:a|mes|ma|mon|les|la|le|l|ce|cette|ces|de|d|des|son|sa|ses|leur|leurs|notre"
    r"|nos|votre|vos|un|une|sans|avec)\b)"
)
_FR_OBJECT = r"(?:me|m|la|l|le|nous|les|lui)"
_FR_ME = r"(?:me |m ?)"
_FR_CHILD = (
    r"(?<!jeune )(?:enfants?|bebes?|fils|filles?|fillette|gamine?s?|gosses?|petite?s?|ados?"
    r"|neveux?|nieces?|eleves?|nourrissons?|mineure?s?)"
)
_FR_PERSON = (
    r"(?:il|elle|bebe|enfant|pere|mere|mari|femme|fils|fille|papa|maman|grand pere|grand mere"
    r"|papi|mamie|collegue|voisin|voisine|ami|amie|quelqu un|homme|dame|personne)"
)
_FR_MEDICINE = (
    r"(?:medicaments|cachets|comprimes|pilules|somniferes|gelules|anxiolytiques|antidepresseurs"
    r"|calmants|paracetamol|dafalgan|doliprane|xanax|temesta|lexomil)"
)
_FR_SUBSTANCE = (
    r"(?:(?:eau de )?javel|detergent|lessive|capsules? de lessive"
    r"|(?:pastilles?|tablettes?|capsules?|dosettes?|pods?) (?:de |pour )?(?:le |la )?(?:lave"
    r" vaisselle|lessive|lave linge|machine)|liquide (?:vaisselle|lave vaisselle|de rincage"
    r"|lave glace|de refroidissement|de frein)"
    # "du produit pour le lave-vaisselle", "produit WC", "produits d'entretien".
    r"|produits? (?:pour (?:le |la |les |l )?|de |d |a )?(?:lave vaisselle|lave linge|vaisselle"
    r"|lessive|nettoyage|nettoyer|menage|menagers?|entretien|wc|toilettes?|sols?|vitres|four"
    r"|chimiques?|debouch\w*|javel|piscine|machine)|(?:du|de ce|le) produit\b(?! laitier)"
    r"|nettoyant\w*|degraissant|adoucissant|detartrant|anticalcaire|gel hydroalcoolique"
    r"|bain de bouche|megots?|nicotine|deboucheur|destop|antigel|insecticide|raticide"
    r"|mort aux rats|pesticide|herbicide|desherbant|white spirit|essence|petrole|acetone"
    r"|dissolvant|piles? bouton|ammoniaque|soude caustique|chlore|alcool a bruler|poison"
    r"|champignons? (?:toxiques?|veneneux|sauvages|cueillis)|baies (?:toxiques|sauvages)"
    r"|e liquide)"
)
_FR_INGESTED = (
    r"(?:avale|avalee|avales|avaler|bu|bue|boire|boit|mange|mangee|manger|ingere|ingeree"
    r"|leche|lechee|croque|mache)"
)

_NL_CHILD = (
    r"(?:kind|kinderen|kindje|kindjes|baby|babys|babytje|zoon|zoontje|dochter|dochtertje|peuter"
    r"|kleuter|kleine|neefje|nichtje|tiener|kleinkind|pleegkind)"
)
_NL_PERSON = (
    r"(?:hij|zij|ze|baby|kind|kindje|man|vrouw|vader|moeder|papa|mama|opa|oma|zoon|dochter"
    r"|collega|buurman|buurvrouw|vriend|vriendin|iemand)"
)
_NL_VICTIM = r"(?:me|mij|ons|haar|hem|mijn (?:moeder|vrouw|zus|mama|vriendin|partner)|zijn vrouw)"
_NL_MEDICINE = (
    r"(?:medicijnen|medicatie|pillen|pilletjes|tabletten|slaappillen|paracetamol|dafalgan"
    r"|antidepressiva|kalmeermiddelen)"
)
_NL_SUBSTANCE = (
    r"(?:bleekwater|bleekmiddel|javel|ontstopper|gootsteenontstopper|wasmiddel|vaatwastablet\w*"
    r"|vaatwasblokje\w*|vaatwas(?:middel|product|poeder|zeep|capsule\w*|pod\w*)"
    r"|(?:product|middel|spul) (?:voor|van) de (?:vaatwas\w*|wasmachine|afwas|wc|toilet)"
    r"|wasverzachter|ontvetter|\w*reiniger|reinigingsmiddel\w*|wc ?eend|wc ?blok\w*"
    r"|poetsmiddel\w*|poetsproduct\w*|schoonmaakproduct\w*|onderhoudsproduct\w*"
    r"|ontsmettingsmiddel\w*|handgel|nicotine|(?:een|de|het|zijn|haar) sigaret\w*|peuk\w*"
    r"|wasbolletje\w*|wascapsule\w*|waspod\w*|schoonmaakmiddel\w*|ontkalker"
    r"|antivries|insecticide|rattengif|muizengif|gif|pesticide|onkruidverdelger|terpentine"
    r"|white spirit|benzine|aceton|nagellakremover|knoopcel\w*|knoopbatterij\w*|lampenolie"
    r"|aanstekervloeistof|chloor|ammoniak|afwasmiddel|giftige \w+)"
)
_NL_INGESTED = (
    r"(?:gedronken|opgedronken|ingeslikt|doorgeslikt|geslikt|opgegeten|gegeten|binnengekregen"
    r"|gelikt|opgelikt|drinkt|dronk|slikt|slikte)"
)

_EN_SELF = r"(?:my ?self|myslef|mysef|meself|him ?self|her ?self|them ?selves|them ?self)"
_EN_VICTIM = (
    r"(?:me|her|him|us|my (?:wife|husband|mother|mum|mom|girlfriend|boyfriend|partner|sister"
    r"|brother|father|dad))"
)
_EN_ABUSER = (
    r"(?:he|she|they|husband|wife|boyfriend|girlfriend|partner|father|dad|mother|mum|mom|brother"
    r"|son|neighbour|neighbor|someone|man|ex)"
)
_EN_CHILD = (
    r"(?:child|children|kid|kids|baby|babies|toddler|toddlers|son|daughter|little (?:boy|girl"
    r"|one|brother|sister)|infant|stepson|stepdaughter|grandchild|nephew|niece|newborn)"
)
_EN_PERSON = (
    r"(?:he|she|i|someone|somebody|man|woman|father|mother|dad|mum|mom|wife|husband|friend|son"
    r"|daughter|baby|child|kid|colleague|neighbour|neighbor|grandma|grandpa|grandmother"
    r"|grandfather|brother|sister|partner|boyfriend|girlfriend|they)"
)
_EN_MEDICINE = (
    r"(?:pills|tablets|meds|medicine|medicines|medication|paracetamol|ibuprofen|painkillers"
    r"|sleeping pills|iron tablets|antidepressants)"
)
_EN_SUBSTANCE = (
    r"(?:bleach|detergent|dish ?washer (?:tablets?|pods?|capsules?|liquid|soap|powder|detergent"
    r"|gel|salt|rinse aid)|(?:dish|dishwashing|washing up) (?:liquid|soap|detergent)"
    r"|laundry (?:pods?|capsules?|liquid|detergent|powder|soap)|fabric softener"
    r"|(?:toilet|oven|floor|glass|window|bathroom|kitchen|surface|all purpose|multi purpose)"
    r" cleaner|cleaning (?:stuff|fluid|agent)s?|descaler|mouthwash|hand saniti[sz]er"
    r"|nicotine \w+|cigarette butts?|(?:a|the|some|his|her) cigarettes?|drain cleaner"
    r"|antifreeze|rat poison|poison|pesticide|weed ?killer"
    r"|insecticide|white spirit|petrol|gasoline|paint thinner|acetone|nail polish remover"
    r"|button batter(?:y|ies)|batter(?:y|ies)|cleaning (?:products?|liquid|spray)|ammonia"
    r"|lamp oil|e liquid|vape liquid|poisonous \w+|toxic \w+|wild mushrooms)"
)


def _together(first: str, second: str) -> str:
    """Both parts anywhere in the text, in either order: two clues that alone say too little."""
    return rf"(?:{first})\b.*\b(?:{second})|(?:{second})\b.*\b(?:{first})"


# A plan with a date is the sign that matters most: "ce soir j'en finis", "tonight I'll end it".
_FR_SOON = r"(?:ce soir|cette nuit|aujourd hui|demain|tout a l heure|cette semaine)"
_NL_SOON = r"(?:vanavond|vannacht|vandaag|morgen|straks|deze week)"
_EN_SOON = r"(?:tonight|today|this evening|this weekend|tomorrow|right now|this week)"
# The people a farewell letter is written to.
_FR_LOVED = (
    r"(?:mes|ma|mon|tous mes|toute ma) (?:enfants|gosses|petits|famille|proches|parents|mari"
    r"|femme|fille|fils|mere|pere|amis|copain|copine|compagnon|compagne|soeur|frere)"
)
_NL_LOVED = (
    r"(?:mijn|m n|onze) (?:kinderen|kids|familie|ouders|man|vrouw|zoon|dochter|vriend|vriendin"
    r"|partner|moeder|vader|mama|papa|zus|broer|geliefden)"
)
_EN_LOVED = (
    r"(?:my|all my) (?:kids|children|family|wife|husband|parents|mum|mom|dad|son|daughter"
    r"|loved ones|friends|partner|sister|brother|girlfriend|boyfriend)"
)
# A child out of reach on a height: a ledge, a sill, a roof, a railing.
_FR_LEDGE = (
    r"(?:rebord|corniche|parapet|garde corps|rambarde|gouttiere|bord (?:de la |du |d une |d un )"
    r"(?:fenetre|balcon|toit|terrasse|vide))"
)
_FR_HEIGHT = r"(?:toit|balcon|fenetre|rebord|corniche|parapet|garde corps|rambarde|gouttiere)"
_NL_LEDGE = (
    r"(?:vensterbank|richel|dakrand|dakgoot|balustrade|reling|borstwering|rand van (?:het |de )?"
    r"(?:raam|balkon|dak|terras))"
)
_NL_HEIGHT = r"(?:dak|balkon|raam|venster|vensterbank|richel|dakrand|dakgoot|balustrade|reling)"
_EN_LEDGE = (
    r"(?:window ledge|ledge|windowsill|window sill|sill|parapet|railing|railings|gutter"
    r"|edge of (?:the |a )?(?:roof|balcony|window|terrace))"
)
_EN_HEIGHT = r"(?:roof|rooftop|balcony|window|ledge|sill|windowsill|parapet|railing|railings)"
# Screams and blows heard together: a child being hit, a partner being beaten next door.
_FR_SCREAMS = r"(?:hurle\w*|crie|crier|crient|cris|pleure|pleurer|pleurs|gueule\w*|supplie\w*)"
# The blows are someone's, or heard: a toddler who "pleure et tape des pieds" is a tantrum, and
# "des coups de soleil" are sunburns.
_FR_BLOWS = (
    r"(?:coups\b(?! de (?:soleil|fil|telephone|main|pouce|coeur|froid|chaud|vent|sifflet|pied"
    r" au))|gifles|claques|(?:on|il|elle|ils|elles|quelqu un|pere|mere|papa|maman|voisin|voisine"
    r"|parents?|homme|femme|mec|type) " + _GAP2 + r"(?:le |la |l |les |lui )?(?:frappe\w*|bat"
    r"|battent|battre|tape|tapent|taper|gifle\w*|cogne\w*|tabasse\w*)\b(?! (?:des pieds|du pied"
    r"|a la porte|sur la table))|se (?:fait|font) (?:frapper|battre|taper|gifler|tabasser))"
)
_NL_SCREAMS = (
    r"(?:gillen|gilt|gegil|schreeuwen|schreeuwt|geschreeuw|krijsen|krijst|gekrijs|huilen|huilt"
    r"|janken|jankt|om hulp roepen)"
)
_NL_BLOWS = (
    r"(?:(?:iemand|hij|ze|zij|man|vrouw|vader|moeder|papa|mama|ouders|buurman|buurvrouw|die) "
    r"(?:\w+ ){0,2}?(?:slaat|slaan|sloeg|sloegen|meppen|mept|schopt|schoppen|mishandelt"
    r"|mishandelen)\b|slagen|klappen|geslagen|mishandeld)"
)
_EN_SCREAMS = r"(?:screaming|screams|crying|yelling|shrieking|wailing|sobbing|begging)"
_EN_BLOWS = (
    r"(?:(?:someone|somebody|he|she|they|man|woman|father|mother|dad|mum|mom|parents?|neighbour"
    r"|neighbor) " + _GAP2 + r"(?:hitting|hits|hit|beating|beats|beat|slapping|slaps|slapped"
    r"|smacking|punching|kicking)\b|being (?:hit|beaten|slapped|smacked|kicked)|blows|thuds)"
)
# How strongly it smells does not change what is smelt: "ça sent très fort le gaz".
_FR_STRONGLY = (
    r"(?:(?:tres|vraiment|trop|super|hyper|fort|tellement|beaucoup|grave|un peu|encore|toujours"
    r"|partout|bizarre) )*"
)
_EN_STRONGLY = r"(?:(?:really|very|so|strongly|badly|a lot|a bit|kind of|of|like) )*"
# A "feu" can be a traffic light ("en feu orange", "il y a un feu rouge").
_NOT_A_TRAFFIC_LIGHT = r"(?! (?:orange|rouge|vert|clignotant|de signalisation|arriere|stop)\b)"
# A fire or a heart attack of last year is a paperwork question now.
_NOT_LONG_AGO = r"(?! (?:last|yesterday|years?|months?|weeks?|ago|in (?:19|20)\d\d)\b)"
# An online account is broken into by hackers, not by someone at the door.
_EN_NOT_A_DOOR = (
    r"(?! (?:my|the|an?|our|his|her) (?:\w+ )?(?:account|system|app|website|email|computer"
    r"|phone|pc|wifi|itsme|car)\b)"
)

_PATTERNS: dict[UrgencyKind, dict[Language, tuple[str, ...]]] = {
    UrgencyKind.SUICIDE: {
        Language.FR: (
            _SUICIDE_WORD,
            r"(?:se|s) ?tuer",  # "il parle de se tuer", "s'tuer"
            # "je veux me tuer", "j'ai envie de m'tuer"; not "je crois qu'il va me tuer".
            r"(?<!qu )(?:je|j) (?:(?!(?:il|elle|ils|elles|on|qu|que|tu|vous) )\w+ ){0,3}?"
            + _FR_ME + r"tuer",
            r"(?:envie|besoin|idees?|pense|penser|pensees?|decide|decidee|essaye|essaie|tente"
            r"|parle|parlent|parler)"
            r" (?:de |d |a )(?:me |m |se |s )?(?:tuer|mour+ir|suicider|en finir|disparaitre"
            r"|foutre en l air)",
            r"(?:veux|veut|veu|vx|ve|voudrais|voudrait|voudrai|prefere|prefererais|aimerais"
            r"|souhaite|pret|prete) (?:juste |vraiment |seulement )?(?:mour+ir|crever"
            r"|disparaitre)\b(?! d (?:envie|ennui)| de (?:rire|honte|chaud|froid)|"
            r" dans la dignite| chez moi| a la maison| a domicile)",
            r"(?:veux|voudrais|aimerais) (?:que )?tout s arrete\b(?! avec)",
            r"(?:me|m|se|s) (?:scarifie|scarifier|mutile|mutiler|fais du mal|fait du mal"
            r"|faire du mal)\b",
            r"(?:veux|veut|voudrais|envie d|envie de|vais|va|pense a|prefere|decide d|aimerais)"
            r" en finir\b(?! (?:\w+ ){0,3}?avec (?!la vie|ma vie|cette vie|tout\b|moi\b))",
            r"(?:mettre|mets|met|mis|mettrai) fin a (?:mes|ma|ses|sa|tes|ta) (?:jours|vie)",
            r"(?:veux|veut|veu|vx|voudrais|peux|peut|arrive|supporte) (?:plus|pu) (?:a )?"
            r"(?:vivre|exister|" + _FR_CONTINUE_LIVING + r"|etre (?:la|ici|en vie|vivante?))",
            r"(?:plus|pas|aucune?|sans) (?:de |d )?(?:raisons?|sens|interet|but|envie)"
            r" (?:de |d |a )?"
            r"(?:vivre|exister|me lever|rester en vie|" + _FR_CONTINUE_LIVING + r")",
            r"vie (?:n )?a (?:plus|pas|aucun) (?:de |d )?sens",
            r"(?:marre|assez|fatiguee?|lasse?) de (?:la |ma |cette )?vie\b",
            r"(?:veux|voudrais|envie de|souhaite|prefere|prefererais|aimerais|espere) (?:ne )?"
            r"(?:plus|pas|jamais) (?:me |m |se |s )?reveiller",
            r"(?:ouvert|ouvre|ouvrir|taille|tailler|taillade|tailladee|taillader|coupe|couper"
            r"|coupee|entaille) (?:les|ses|mes) (?:veines|poignets)\b",
            r"(?:pense|pensees?|penser|obsede|obsedee) (?:tout le temps |souvent |sans arret |tout"
            r" le temps )?a la mort\b(?! de| d)",
            r"(?:pris|prise|avale|avalee|ingere|bu) (?:1[5-9]|[2-9]\d|\d{3}|une dizaine de"
            r"|une vingtaine de|une trentaine de) " + _GAP1 + _FR_MEDICINE,
            r"(?:me|m|se|s) ?(?:pendre|defenestrer|foutre en l air|flinguer|ouvrir les veines"
            r"|taillader les veines|tailler les veines|empoisonner)",
            r"(?:sauter|me jeter|m jeter|se jeter|s jeter|me lancer) " + _GAP2
            + r"(?:pont|fenetre|balcon|immeuble|toit|falaise|train|metro|viaduc|vide)\b",
            r"lettres? d adieu|(?:serai|serais|serait|seraient|seriez|serions) mieux sans moi",
            # An overdose in large quantity is an attempt, not an accident.
            r"(?:avale|avalee|ingere|ingeree|bu|bue) " + _GAP3 + r"(?:toute?s?|tous|une boite"
            r"|la boite|plusieurs boites|une plaquette|la plaquette|une poignee) " + _GAP3
            + _FR_MEDICINE,
            r"(?:pris|prise) " + _GAP2 + r"(?:toute la boite|toute la plaquette|une boite entiere"
            r"|plusieurs boites|toutes les boites|la boite entiere) " + _GAP2 + _FR_MEDICINE,
            r"(?:veux|vais|va|voudrais) faire une (?:overdose|surdose)|(?:overdose|surdose)"
            r" volontaire",
            # "ce soir j'en finis", "j'en finis cette nuit"; not "j'en finis avec ce dossier".
            r"(?:je|j) en (?:finis|fini|finit|finirai)\b(?! (?:\w+ ){0,3}?avec (?!la vie|ma vie"
            r"|cette vie|tout\b|moi\b))(?! (?:pas|plus|jamais|par|de|d)\b)",
            _FR_SOON + r" " + _GAP3 + r"(?:en finir|(?:mettre|mets|met) fin a (?:tout|mes jours"
            r"|ma vie)|me tuer|me suicider|je (?:me )?(?:tue|pends|saute))\b"
            r"(?! (?:au travail|au boulot|a la tache))",  # "se tuer au travail" is overwork
            r"(?:mets|mettrai|vais|veux|voudrais|va) (?:mettre )?fin a (?:tout|ma souffrance"
            r"|mes souffrances)\b(?! (?:contrat|abonnement|le |les |ca avec|cela avec))",
            # "pour ne plus me réveiller", "dormir et ne jamais me réveiller"; not "pour ne plus
            # me réveiller la nuit", which is sleeping badly.
            r"(?:pour|afin de|et|de) (?:ne )?(?:plus|jamais) (?:me |m |se |s |te |t )?reveiller"
            r"\b(?! (?:la nuit|a \d|avant|tot|en retard|le matin|fatigue\w*|en sursaut|chaque"
            r"|plusieurs fois))|dormir pour (?:toujours|de bon|l eternite)",
            # Asking how much of a medicine kills is asking how to die.
            _together(r"(?:combien|quelle quantite|quelle dose|assez) (?:de |d )?" + _GAP2
                      + r"(?:" + _FR_MEDICINE + r"|medicament|cachet|comprime|pilule)",
                      r"(?:mourir|crever|mortel\w*|letal\w*|(?:me |se |te )?tuer|plus (?:me |se"
                      r" |m |s )?reveiller|y rester|en finir)"),
            r"dose (?:mortelle|letale|fatale)",
            # The means laid out, and letters written to the family next to them: the last steps
            # of a plan. A letter alone is not enough: "une lettre pour mes enfants après ma mort"
            # is also how people ask about a will.
            r"(?:" + _FR_MEDICINE + r"|boites? de \w+|corde) " + _GAP2 + r"(?:devant moi|a cote"
            r" de moi|dans (?:la|ma) main|alignes|alignees|etales|etalees)\b",
            _together(r"(?:lettres?|mots?|messages?) " + _GAP2 + r"(?:pour|a) " + _FR_LOVED,
                      r"(?:" + _FR_MEDICINE + r"|corde|pont|adieu)"),
            r"(?:dernier|derniere) (?:jour|nuit|soir|soiree) (?:sur terre|en vie|a vivre)",
        ),
        Language.NL: (
            r"zel[f]?mo+r[dt]\w*|zelfdoding|levensmoe\w*|afscheidsbrie\w*",
            r"(?:zie|ziet|zien|zag) het " + _GAP2 + r"niet meer zitten",
            r"(?:wil|wilt|wou|willen|zou willen) " + _GAP2 + r"niet meer (?:leven|verder(?! met)"
            r"|bestaan|wakker (?:te )?worden|hier zijn)\b",
            r"(?:kan|kun) (?:het )?niet meer (?:leven|verder)\b(?! met)",
            r"(?:wil|wilt|wou|zou willen|verlang|verlangt) " + _GAP2
            + r"(?<!de )(?<!het )(?<!waardig )(?:dood|sterven|doodgaan|dood gaan)\b"
            r"(?! van| aan| aangeven| in waardigheid)",
            r"(?:mezelf|mijzelf|m zelf|me zelf|zichzelf|zichzelve|haarzelf|hemzelf) " + _GAP3
            + r"(?:iets aan (?:te )?doen|iets aandoen|van kant (?:te )?maken|om het leven"
            r" (?:te )?brengen|op (?:te )?hangen|ophangen|verhangen|doden|te doden|dood (?:te )?"
            r"maken|ombrengen|om (?:te )?brengen|vermoorden|te vermoorden|snijden|te snijden)",
            r"\bik (?:(?!(?:hij|zij|ze|hem|haar|dat) )\w+ ){0,3}?(?:me|mij) " + _GAP2
            + r"(?:iets aan (?:te )?doen|iets aandoen|van kant (?:te )?maken|ophangen|verhangen"
            r"|op (?:te )?hangen)",
            r"einde aan (?:mijn|zijn|haar|het) leven " + _GAP1 + r"(?:maken|te maken|make"
            r"|gemaakt)|einde " + _GAP1 + r"maken aan (?:mijn|zijn|haar) leven",
            r"er " + _GAP2 + r"(?:een )?eind(?:e)? aan " + _GAP2 + r"(?:maken|te maken|breien"
            r"|te breien)",
            # "vanavond maak ik er een einde aan", "ik maak er morgen een eind aan".
            r"(?:maak|maakt|make) (?:ik |hij |ze |zij )?er " + _GAP2 + r"(?:een )?eind(?:e)? aan"
            r"\b",
            _NL_SOON + r" " + _GAP3 + r"(?:stop ik ermee|ga ik dood|pleeg ik|ben ik er niet meer"
            r"|maak ik er)\b",
            # "om niet meer wakker te worden", "nooit meer wakker worden".
            r"(?:om|en|dan|wil|zou|nooit) " + _GAP1 + r"(?:niet|nooit) meer wakker (?:te )?"
            r"(?:worden|word|wordt)\b(?! (?:van|door|om|s nachts|midden)\b)|(?:voor altijd"
            r"|voorgoed) " + _GAP1 + r"(?:slapen|inslapen|in slaap vallen)",
            # Asking how much of a medicine kills is asking how to die.
            _together(r"(?:hoeveel|hoe veel|welke dosis|genoeg) " + _GAP2 + r"(?:" + _NL_MEDICINE
                      + r"|pil|tablet|medicijn)",
                      r"(?:dood|sterven|doodgaan|niet meer wakker|nooit meer wakker|dodelijk\w*"
                      r"|fataal)"),
            r"(?:dodelijke|letale|fatale) (?:dosis|hoeveelheid)",
            # The means laid out, and letters written to the family: the last steps of a plan.
            r"(?:" + _NL_MEDICINE + r"|touw) " + _GAP3 + r"(?:voor|naast) (?:me|mij) (?:liggen"
            r"|op (?:de )?tafel)|(?:" + _NL_MEDICINE + r"|touw) " + _GAP2 + r"(?:in mijn hand"
            r"|uitgestald|op een rij)",
            _together(r"(?:brief|brieven|briefje|briefjes) " + _GAP3 + r"(?:voor|aan) "
                      + _NL_LOVED, r"(?:" + _NL_MEDICINE + r"|touw|brug|afscheid\w*)"),
            r"laatste (?:dag|nacht|avond) (?:op aarde|in leven|dat ik leef)",
            r"beter (?:af )?zonder mij|niemand zou " + _GAP2 + r"missen|leven heeft geen zin"
            r"|geen zin meer in (?:het |mijn )?leven|geen (?:reden|zin) (?:meer )?om "
            + _GAP1 + r"(?:te leven|verder te gaan|door te gaan)",
            r"(?:springen|spring|sprong|gooien|gooi|werpen) " + _GAP3
            + r"(?:brug|trein|raam|flat|dak|balkon|viaduct)\b"
            r"|(?:brug|trein|raam|flat|dak|balkon|viaduct) " + _GAP1
            + r"(?:springen|spring|te springen|afspringen|af te springen)",
            r"(?:hele|volledige|heel de|een) (?:doos|strip|pot|fles|verpakking|potje|doosje) "
            + _GAP2 + _NL_MEDICINE + r" " + _GAP2 + r"(?:ingenomen|genomen|geslikt|opgegeten)",
            r"(?:1[5-9]|[2-9]\d|\d{3}) " + _GAP1 + _NL_MEDICINE + r" " + _GAP2
            + r"(?:ingenomen|genomen|geslikt|opgegeten)",
            r"alle (?:mijn |zijn |haar )?" + _NL_MEDICINE + r" " + _GAP2
            + r"(?:ingenomen|genomen|geslikt|opgegeten)",
            r"(?:pols|polsen) " + _GAP1 + r"(?:doorsnijden|doorgesneden|opensnijden"
            r"|open snijden)",
        ),
        Language.EN: (
            _SUICIDE_WORD,
            r"(?:kil+|kil+ing|kil+ed|hang|hanging|shoot|shooting|drown|drowning|off) " + _EN_SELF,
            r"(?:want|wish|going|thinking|think|might|about|plan|planning) (?:to |of |about )?"
            r"(?:hurt|hurting|harm|harming|cut|cutting) " + _EN_SELF,
            r"(?:end|ending|take|taking) (?:my|his|her|their) (?:own )?life|end(?:ing)? it all",
            r"(?:want|wish|ready|planning|plan|deserve) (?:to )?die\b(?! with dignity)",
            r"(?:going to|want to|will|about to) (?:take|swallow) (?:all (?:my|the|of my|of the) )?"
            r"(?:pills|tablets|meds)\b|(?:pills|tablets|meds|medication)\b.*\b(?:take|swallow"
            r"|took|swallowed) (?:them|it) all\b",
            r"(?:don t|do not|no longer|not|never|doesn t|does not) (?:want|wish) (?:to )?"
            r"(?:live|be alive|be here|exist|go on(?:$| like this| living| anymore)"
            r"|wake up\b(?! (?:early|at|so|for|before|in time|on time)))",
            r"(?:no|nothing|any) (?:reason|point) (?:to|in|of) (?:live\b(?! in| at| with| there"
            r"| here| together)|living|go on|going on|carry on|carrying on|be alive|being alive"
            r"|wake up|waking up|exist|existing)",
            r"life (?:is|s) (?:not|n t|no longer) worth (?:living|it)|not worth living"
            r"|(?:better off|be better) (?:without me|dead)|(?:wish|want) (?:i was|i were|to be"
            r"|i d be) dead|(?:suicide|goodbye) (?:note|letter)",
            r"(?:can not|cannot|can t) (?:go on|take it) (?:anymore|any more|like this)",
            r"(?:jump|jumping|throw myself) (?:off|from|in front of|under) (?:a |the |my |this )?"
            r"(?:bridge|roof|building|train|balcony|window|cliff|tower|metro|car)",
            r"(?:slit|slitting|cut|cutting) (?:my|his|her) wrists",
            r"(?:took|taken|swallowed|downed) (?:1[5-9]|[2-9]\d|\d{3}) " + _GAP1 + _EN_MEDICINE,
            r"(?:swallowed|downed|ate|eaten) " + _GAP2 + r"(?:all|whole|entire|every) " + _GAP3
            + _EN_MEDICINE,
            r"(?:took|taken|take) (?:the|a) (?:whole|entire) (?:bottle|box|pack|packet|strip) of "
            + _EN_MEDICINE,
            r"(?:want|going|plan|planning|try|trying) to (?:overdose|od)\b|overdose on purpose",
            # "tonight I'll end it", "ending it for good"; not "end it early", a contract.
            _EN_SOON + r" " + _GAP4 + r"(?:(?:end it|end everything|end things)\b(?! (?:with"
            r"|early|before)\b)|end my life|kill myself|take (?:all )?(?:the |my )?(?:pills"
            r"|tablets|meds))\b",
            r"(?:end|ending) (?:it|everything|things)\b(?! with) " + _GAP2 + _EN_SOON + r"\b"
            r"|(?:end|ending) (?:it|everything) (?:for good|once and for all)",
            r"(?:i ll|i will|i m going to|i am going to|i m gonna|i m ready to|i am ready to) end"
            r" (?:it|everything)\b(?! (?:with|early|before|later|in|on|by|at|when|if|after \w+"
            r"|legally|properly|online)\b)",
            # Not "tired of living with my parents", a housing question.
            r"(?:tired|sick) of (?:life|living|being alive|existing)\b(?! (?:in|with|at|here|there"
            r"|on|like|under|off|from|near|paycheck)\b)",
            # "sleep and never wake up again"; not "I never wake up early".
            r"(?:never|not|don t|won t|do not|will not) (?:to )?wake up (?:ever )?again\b"
            r"|(?:and|so|to) (?:i |he |she )?(?:never|not) wake up\b(?! (?:early|at|before|in time"
            r"|on time|until|till|during|in the night)\b)"
            r"|(?:sleep|sleeping) forever",
            # Asking how much of a medicine kills is asking how to die.
            _together(r"(?:how many|how much|what dose of|enough) " + _GAP2 + r"(?:"
                      + _EN_MEDICINE + r"|pill|tablet)",
                      r"(?:to die|kill (?:me|myself|you|yourself|a person|someone|a human)"
                      r"|(?:not|never) wake up|lethal|fatal|deadly)"),
            r"(?:lethal|fatal|deadly) (?:dose|amount|quantity)",
            # The means laid out, and letters written to the family: the last steps of a plan.
            r"(?:" + _EN_MEDICINE + r"|rope) " + _GAP2 + r"(?:in front of me|next to me|lined up"
            r"|counted out|in my hand)\b",
            _together(r"(?:letters?|notes?) (?:to|for) " + _EN_LOVED,
                      r"(?:" + _EN_MEDICINE + r"|rope|bridge|goodbye|end it)"),
            r"(?:my|this is my) last (?:night|day) (?:alive|on earth|on this earth)",
        ),
    },
    UrgencyKind.VIOLENCE: {
        Language.FR: (
            # "son mari la frappe", "il m'a battue"; not "je me cogne", "une faute de frappe".
            r"(?<!je )(?<!j )(?<!de )" + _FR_OBJECT + r" (?:(?:a|ont|avait) )?(?:frappe|frappent"
            r"|frappait|frappaient|frappee?s?|bat|battent|battait|battaient|battue?s?|tape|tapent"
            r"|tapait|cogne|cognent|cognait|etrangle|etranglent|etranglee?|viole|violent|violee?"
            r"|agresse|agressent|agressee?|tabasse|tabassent|tabassee?|poignarde|poignardee?"
            r"|sequestre|sequestree?|enferme|enferment|enfermee?|frapper|violer|tabasser"
            r"|etrangler|poignarder)\b(?! sur les nerfs| d une| d un)",
            # SMS spelling of "m'a frappée": "ma frapper"
            r"ma (?:frappe|frapper|frappee|battu|battue|cogne|cogner|viole|violer|violee|agresse"
            r"|agressee|tabasse|tabasser|tabassee|etrangle|etranglee|poignarde|poignardee"
            r"|etrangler|poignarder|agresser|etouffe|etouffee|etouffer|gifle|giflee|gifler"
            r"|brule|brulee|bruler|mordu|mordue|tape|taper|tapee)\b",
            # Strangling is the strongest sign that a violent partner may kill: "il m'a serré le
            # cou", "ses mains autour de ma gorge", "une tentative d'étranglement"; not "pris à la
            # gorge par les dettes", which is money trouble.
            r"(?:serre|serrait|serrer|serree|serrent|presse|pressait|appuye|appuyait) " + _GAP1
            + r"(?:le|mon|son|sa|ma) cou\b|(?:m a|ma|l a|lui a|t a) serree? la gorge"
            r"|mains? (?:autour|sur) (?:de )?(?:mon|ma|son|sa|le|la) (?:cou|gorge)\b"
            r"|etranglement|strangulation|(?:attrape|attrapee|saisi|saisie) (?:a|par) la gorge",
            # Screams and blows heard through the wall.
            r"entend\w* " + _GAP4 + r"(?:" + _together(
                _FR_SCREAMS, r"coups|frappe|frapper|bat|battre|tabasse\w*|gifles?") + r")",
            r"(?:menace|menacee|menacent|menaces|menacer) (?:de |d )?(?:mort|" + _FR_OBJECT
            + r" ?(?:tuer|frapper|battre|poignarder|egorger|bruler|buter|crever))",
            r"(?:il|elle|ils|elles|on|mari|ex|copain|compagnon|conjoint|pere|frere|voisin|fils"
            r"|beau pere) " + _GAP2 + r"(?:va|veut|vont|voulait|allait|essaie de|essaye de"
            r"|a essaye de|a voulu|menace de|peut) " + _FR_OBJECT + r" ?(?:tuer|buter|egorger"
            r"|etrangler|poignarder|crever)",
            r"(?:menace|menacee|menacent|agresse|agressee|attaque|attaquee|poursuit|poursuivie?"
            r"|pointe|braque|braquee) " + _GAP3 + r"(?:avec |d |par )(?:un |une |son |sa )?"
            r"(?:couteau|arme|pistolet|fusil|revolver|hache|machette|batte|flingue)",
            r"(?:il|elle|ils|on|mari|voisin|homme) (?:a|ont|sort|a sorti|tient|brandit|pointe"
            r"|a pris) (?:un|une|son|sa) (?:couteau|arme|pistolet|fusil|revolver|hache|machette"
            r"|flingue)\b(?!.*\b(?:permis|licence|declar\w*|detention|chasse|collection))",
            r"(?:ete|etre|suis|est) " + _GAP1 + r"(?:violee?|agressee? sexuellement|battue?"
            r"|frappee?|poignardee?|etranglee?|sequestree?|tabassee?)\b(?! d une| d un| de| par"
            r" (?:une|la) (?:amende|sanction|taxe))",
            r"(?<!de )(?:frappe|frappent|bat|battent|tape|tapent|cogne|cognent|etrangle|viole"
            r"|tabasse) (?:sa|son|ma|leur) (?:femme|mari|compagne|compagnon|copine|copain|epouse"
            r"|epoux|mere|pere|soeur)\b",
            r"\bviol\b|coups? de feu|agression sexuelle en cours",
            r"(?:couteau|arme|pistolet|fusil|revolver) " + _GAP3 + r"(?:sous|sur|contre) (?:la|ma"
            r"|sa|mon|son) (?:gorge|tempe|tete|cou|ventre)\b",
            r"(?:homme|hommes|individu|individus|quelqu un|type|gars|mec|personne) armee?s?\b",
            r"(?:je subis|subis|subit|victime) " + _GAP2 + r"(?:des |de |d )?(?:violences?|viol"
            r"|coups)\b",
            r"(?:mari|compagnon|conjoint|copain|ex|pere|frere|fils|voisin|il|elle) (?:est |devient"
            r" |etait )?(?:tres |trop |de plus en plus )?violente?\b",
            r"(?:essaie|essaye|essaient|essayent|tente|tentent) (?:d |de )(?:entrer|rentrer)"
            r" (?:chez (?:moi|nous)|dans (?:la|ma|notre|mon) (?:maison|appartement|appart|chambre"
            r"|logement)|par (?:la|une) fenetre)\b",
            r"(?:essaie|essaye|essaient|essayent|tente|tentent) (?:de )?(?:forcer|defoncer"
            r"|enfoncer|casser) (?:la|ma|notre) (?:porte|fenetre|serrure)\b",
            r"(?:force|forcent|defonce|defoncent|enfonce|enfoncent) (?:ma|la|notre|sa) (?:porte"
            r"|fenetre|serrure)",
            r"(?:cambrioleurs?|intrus|voleurs?) " + _GAP2 + r"(?:est |sont )?(?:dans|chez) "
            r"(?:ma|la|mon|notre|moi|nous|l)\b",
            r"(?:cambriolage|agression|intrusion) en cours|en train de (?:me |nous )?cambrioler",
        ),
        Language.NL: (
            r"(?:slaat|sloeg|slaan|sloegen|schopt|schopte|schoppen|wurgt|wurgde|mishandelt"
            r"|mishandelde|mishandelen|verkracht|verkrachtte|trapt|trapte) (?:(?!op )\w+ )?"
            + _NL_VICTIM + r"\b",
            r"(?:word|wordt|werd|worden|ben|is|heeft|hebben|heb|zijn) " + _GAP4
            + r"(?<!alarm )(?<!vlucht )(?:geslagen|geschopt|gewurgd|mishandeld|verkracht"
            r"|in elkaar geslagen|in elkaar geschopt"
            r"|aangerand|neergestoken|met een mes gestoken|bedreigd met (?:een |de )?(?:mes"
            r"|wapen|pistool|geweer|dood))\b",
            r"met de dood " + _GAP1 + r"bedreigd",
            r"(?:me|mij|ons|haar|hem|jou) " + _GAP2 + r"(?:vermoorden|te vermoorden|doodmaken"
            r"|dood (?:te )?maken|afmaken|af te maken|doodslaan|dood te slaan|doodsteken"
            r"|neersteken|neer te steken)\b",
            r"(?:hij|zij|ze|man|vriend|ex|vader|partner|buurman) " + _GAP3
            + r"(?:me|mij|ons|haar|hem) " + _GAP2 + r"(?:iets aan (?:te )?doen|iets aandoen"
            r"|pijn (?:te )?doen)",
            r"(?:bedreigt|bedreigde|bedreigd|dreigt|dreigde|aangevallen|valt|achterna|zwaait"
            r"|richt|richtte) " + _GAP4 + r"(?:mes|messen|wapen|pistool|geweer|bijl|vuurwapen"
            r"|revolver)\b|(?:mes|wapen|pistool|geweer|bijl|vuurwapen) " + _GAP3
            + r"(?:bedreigd|bedreigt|aangevallen|gestoken|achterna|gericht)\b",
            r"(?:iemand|inbrekers?|mannen|een man|ze|er) " + _GAP3 + r"(?:probeert|proberen"
            r"|wil|willen) " + _GAP3 + r"(?:binnen te (?:komen|dringen|breken)|in te breken"
            r"|open te breken)",
            r"(?:breekt|breken) " + _GAP2 + r"in\b|(?:wordt|worden) "
            + _GAP2 + r"ingebroken|inbrekers? " + _GAP2 + r"(?:in huis|binnen)\b",
            r"(?:ik ben|ik word|ik wordt|word ik|ben ik) " + _GAP3 + r"slachtoffer van " + _GAP1
            + r"(?:geweld|verkrachting|mishandeling|aanranding)",
            r"(?:man|iemand|hij|ze|mannen|ex|vriend|buurman) " + _GAP3 + r"met een (?:mes|wapen"
            r"|pistool|geweer|bijl|vuurwapen)\b(?!.*\b(?:vergunning|jacht|registr\w*))",
            r"(?:hij|zij|ze|man|vriend|ex|vader|partner|buurman) (?:is|wordt|werd) " + _GAP1
            + r"(?:agressief|gewelddadig)",
            # Strangling is the strongest sign that a violent partner may kill.
            r"(?:handen|hand) (?:om|rond) (?:mijn|m n|haar|zijn) (?:keel|nek|hals)\b|(?:handen"
            r"|hand) op (?:mijn|m n|haar|zijn) keel\b"
            r"|keel " + _GAP2 + r"(?:dichtgeknepen|dicht geknepen|dichtknijpen|dicht te knijpen"
            r"|dichtgedrukt|dicht gedrukt)|(?:knijpt|kneep|knepen) " + _GAP2 + r"keel"
            r"|bij (?:de|mijn|m n) keel (?:gegrepen|gepakt|genomen)|(?:probeerde|probeert|wilde"
            r"|wou) " + _GAP2 + r"(?:te )?(?:ver)?wurgen|verwurgd|wurging",
            # Screams and blows heard through the wall: "ik hoor gillen en iemand die slaat".
            r"(?:hoor|hoort|horen|hoorde|gehoord) " + _GAP4 + r"(?:" + _together(
                _NL_SCREAMS, _NL_BLOWS) + r")",
            r"iemand (?:die|dat) (?:slaat|schopt|mept)\b",
        ),
        Language.EN: (
            r"(?:hits|hitting|beats|beat|beating|punches|punched|punching|kicks|kicked|kicking"
            r"|chokes|choked|choking|strangles|strangled|strangling|slaps|slapped|slapping|rapes"
            r"|raped|raping|stabbed|stabbing|assaulted|attacking|attacked|attacks) " + _EN_VICTIM
            + r"\b(?! out\b| off\b| to it\b)",
            _EN_ABUSER + r" " + _GAP1 + r"hit (?:me|her|him|us)\b",
            r"threat\w* " + _GAP3 + r"(?:with (?:a |an |his |her |their )?(?:knife|gun|weapon"
            r"|axe|bat|pistol|rifle|machete|blade)|to (?:kill|hurt|beat|stab|shoot|burn"
            r"|strangle))",
            r"(?:going to|will|wants to|want to|trying to|tried to|threatens to|threatened to"
            r"|about to|coming to) (?:kill|hurt|stab|shoot|strangle|rape|beat) (?:me|us|her|him"
            r"|my|the kids|our)\b",
            r"(?:was|been|being|got|get|getting|am|is|are|were|re|m|s) " + _GAP1
            + r"(?:raped|beaten up|beaten|assaulted|stabbed|strangled|sexually assaulted"
            r"|attacked)\b",
            r"(?:i am|i m|i have been|i ve been|i was|we are|being) " + _GAP2 + r"abused\b",
            r"(?:is|are|s|re) " + _GAP1 + r"(?:breaking|trying to break|trying to get|forcing "
            r"(?:my|the|our|their) way) in(?:to)?\b" + _EN_NOT_A_DOOR,
            r"(?:trying|tries|try) to (?:break|force (?:their|his|her|a) way) in(?:to)?\b"
            + _EN_NOT_A_DOOR,
            r"(?:burglars?|intruders?|someone|somebody|a man|strangers?) " + _GAP2
            + r"(?:in|inside) (?:my|our|the) (?:house|flat|home|apartment|room|bedroom)\b",
            r"(?:gun|knife|weapon|axe|machete) " + _GAP3 + r"(?:pointed|at my|to my|against my)"
            r"|(?:pulled|pointing|points|pointed|waving|holding) (?:a |an |his |her )(?:knife"
            r"|gun|weapon|axe|machete)\b",
            r"(?:he|she|they|someone|man|ex|husband|boyfriend|neighbour|neighbor|guy|people) "
            + _GAP3 + r"(?:with|has|got|holding|carrying) (?:a |an )(?:gun|knife|weapon|machete"
            r"|axe|rifle|pistol)\b(?!.*\b(?:licen[cs]e|permit|regist\w*|declare|hunting"
            r"|collect\w*))",
            r"(?:broke|broken|breaking) in\b.*\b(?:still|is) (?:inside|in (?:the|my|our)"
            r" (?:house|flat|home|apartment))",
            r"(?:i am|i m|i have been|i ve been|i was|we are) " + _GAP3 + r"(?:victim of"
            r"|suffering) " + _GAP1 + r"(?:violence|abuse|rape|assault)",
            r"(?:husband|boyfriend|partner|father|he|she|wife|girlfriend|dad|son|neighbour"
            r"|neighbor) (?:is|s|gets|getting|has become) " + _GAP1 + r"(?:violent|aggressive)",
            # Strangling is the strongest sign that a violent partner may kill.
            r"hands? (?:around|round) (?:my|her|his) (?:neck|throat)\b|hands? on (?:my|her|his)"
            r" throat\b|(?:grabbed|held|pinned|took|had) (?:me|her|him) " + _GAP2
            + r"by the (?:throat|neck)\b"
            r"|(?:choke|choked|choking|strangle|strangled|strangling|suffocate|suffocated"
            r"|smother|smothered) (?:me|her|him)\b|strangulation",
            # Screams and blows heard through the wall.
            r"(?:hear|hears|heard|hearing) " + _GAP4 + r"(?:" + _together(
                _EN_SCREAMS, r"hitting|beating|slapping|smacking|punching|blows|thuds") + r")",
        ),
    },
    UrgencyKind.CHILD_DANGER: {
        Language.FR: (
            _FR_CHILD + r" " + _GAP3 + r"(?<!s )(?:est|sont|a ete|ont ete|se fait|se font"
            r"|etait|etaient) (?:battu|frappe|maltraite|abuse|viole|secoue|enferme|abandonne"
            r"|brutalise|tabasse|attache|kidnappe|enleve)e?s?\b"
            r"(?! d une| d un| de| par (?:une|la))",
            _FR_CHILD + r" (?:battue?s?|maltraitee?s?|secouee?s?|abandonnee?s?)\b",
            _FR_CHILD + r" " + _GAP3 + r"(?:se fait|se font|se faisait) (?:frapper|battre"
            r"|taper|violer|abuser|maltraiter|tabasser|toucher)\b",
            r"(?:beau pere|oncle|pere|papa|prof|professeur|entraineur|cousin|grand pere|frere)"
            r" (?:me|m) (?:touche|tripote|caresse)\b",
            r"(?<!de )(?:frappe|frappent|bat|battent|maltraite|maltraitent|secoue|secouent|abuse"
            r"|abusent|viole|violent|tape|tapent|cogne|cognent|brutalise|brutalisent|enferme"
            r"|enferment|tabasse|tabassent|attache|attachent) " + _GAP2 + r"(?:son|sa|ses|leur"
            r"|leurs|mon|ma|mes|un|une|les|l|cet|cette|le|la|des|notre|nos) " + _FR_CHILD
            + r"\b",
            r"(?:mes parents|ma mere|mon pere|mon beau pere|ma belle mere|papa|maman)"
            r" (?:me |m )(?:frappe|frappent|bat|battent|tape|tapent|cogne|cognent|enferme"
            r"|enferment|a frappe|ont frappe|a battu|ont battu)",
            _FR_CHILD + r" " + _GAP3 + r"(?:a |est |ont |sont )?(?:disparue?s?|introuvables?"
            r"|kidnappee?s?|enlevee?s?|fugue)\b(?!.*\b(?:l an dernier|l annee derniere|il y a \w+"
            r" (?:ans|mois|semaines))\b)",
            _FR_CHILD + r" " + _GAP3 + r"(?:seule?s?|enfermee?s?|oubliee?s?) dans (?:une|la"
            r"|sa|un|le|ma|notre) (?:voiture|auto)",
            r"maltraitance (?:d |sur |des |de |infantile)|attouchements|inceste|pedophil\w*"
            r"|pedocriminel\w*",
            # A child on a height, out of reach: "un petit sur le rebord de la fenêtre", "ma
            # fille est penchée par la fenêtre", "l'enfant grimpe sur la rambarde du balcon".
            _FR_CHILD + r" " + _GAP4 + r"(?:(?:sur|a cheval sur|contre|au dessus d\w*) "
            r"(?:le |la |l |un |une |du |de la |d un |d une )?" + _FR_LEDGE + r"|au bord d\w* "
            r"(?:la |l |un |une )?" + _FR_HEIGHT + r")\b",
            _FR_CHILD + r" " + _GAP4 + r"(?:seule?s?|grimpe\w*|suspendue?s?|accrochee?s?"
            r"|penchee?s?|enjambe\w*|escalade\w*|marche) " + _GAP2 + r"(?:sur|a|au|par"
            r"|de|du|dans|hors de|au dessus d\w*) (?:le |la |l |un |une |sa |son |du |de la )?"
            + _FR_HEIGHT + r"\b",
            _FR_CHILD + r" (?:est |sont |qui est )?(?:seule?s? |tout seul |toute seule )?(?:sur|au"
            r" dessus du) (?:le )?toit\b",
            _FR_CHILD + r" " + _GAP4 + r"(?:va|risque de|peut|pourrait|sur le point de|manque de"
            r"|est|sont|a failli) (?:tomber|tombee?s?) (?:du |de la |de l |par la |d un |d une )"
            + _GAP1 + _FR_HEIGHT + r"\b",
            # Screams and blows heard together: a child being hit next door.
            _together(_FR_CHILD + r" " + _GAP3 + _FR_SCREAMS, _FR_BLOWS),
        ),
        Language.NL: (
            _NL_CHILD + r" " + _GAP4 + r"(?:wordt|worden|werd|werden|is|zijn) " + _GAP2
            + r"(?:geslagen|mishandeld|misbruikt|verkracht|geschud|opgesloten|verwaarloosd"
            r"|vermist|ontvoerd|aangerand|verdwenen|in elkaar geslagen)\b",
            r"(?:slaat|slaan|sloeg|mishandelt|mishandelen|misbruikt|misbruiken|schudt|schudden"
            r"|schopt|schoppen|verwaarloost|verwaarlozen) " + _GAP2 + r"(?:zijn|haar|hun|mijn"
            r"|het|een|de|onze) " + _NL_CHILD + r"\b",
            r"kindermishandeling|kindermisbruik|misbruik van (?:een |mijn |het |ons )?kind",
            r"(?:stiefvader|oom|vader|papa|leraar|meester|trainer|neef|opa|broer) (?:betast"
            r"|betastte) (?:me|mij)\b|(?:stiefvader|oom|vader|papa|leraar|meester|trainer|neef"
            r"|opa|broer) (?:zit|zat) (?:aan me|aan mij|me aan|mij aan)\b",
            r"(?:mijn ouders|mijn vader|mijn moeder|mijn stiefvader|mijn stiefmoeder|papa|mama)"
            r" (?:slaan|slaat|schoppen|schopt|mishandelen|mishandelt) (?:me|mij)\b",
            _NL_CHILD + r" " + _GAP4 + r"(?:alleen|opgesloten) " + _GAP2 + r"(?:auto|wagen)\b",
            # A child on a height, out of reach: "een kleuter op de vensterbank", "een kind
            # klimt over de balustrade", "hangt uit het raam".
            _NL_CHILD + r" " + _GAP4 + r"(?:op|aan|over|langs|in|tegen) (?:de |het |een )?"
            + _NL_LEDGE + r"\b",
            _NL_CHILD + r" " + _GAP3 + r"(?:alleen|klimt|klom|geklommen|hangt|hing|leunt|leunde"
            r"|kruipt|kroop|loopt|liep|balanceert) " + _GAP2 + r"(?:op|aan|over|uit|buiten"
            r"|langs|door) (?:de |het |een )?" + _NL_HEIGHT + r"\b",
            _NL_CHILD + r" (?:is |zit |staat |zijn |loopt )?(?:alleen )?op (?:het|een) dak\b",
            _NL_CHILD + r" " + _GAP4 + r"(?:dreigt te|gaat|kan|kon|zal|valt bijna|bijna) "
            + _GAP1 + r"(?:vallen|gevallen|valt) (?:uit|van|door|over) (?:de |het |een )?"
            + _NL_HEIGHT + r"\b|" + _NL_CHILD + r" " + _GAP4 + r"(?:uit|van) (?:de |het |een )?"
            + _NL_HEIGHT + r" " + _GAP1 + r"(?:gevallen|te vallen|vallen|valt)\b",
            # Screams and blows heard together: a child being hit next door.
            _together(_NL_CHILD + r" " + _GAP3 + _NL_SCREAMS, _NL_BLOWS),
        ),
        Language.EN: (
            r"(?:beats|beat|beating|hits|hitting|hit|abuses|abusing|abused|molests|molesting"
            r"|molested|shakes|shaking|shook|starves|starving|punches|punching|kicks|kicking"
            r"|burns|burning) " + _GAP1 + r"(?:his|her|their|my|the|a|our|this|that) "
            + _EN_CHILD + r"\b",
            _EN_CHILD + r" " + _GAP3 + r"(?:is|are|was|were|being|been|gets|getting|got) "
            + _GAP1 + r"(?:beaten|abused|molested|shaken|neglected|kidnapped|abducted|locked up"
            r"|missing(?:$| since| for| from| after| and| now))",
            r"(?:stepdad|stepfather|uncle|father|dad|teacher|coach|brother|cousin|grandfather"
            r"|grandpa) " + _GAP1 + r"(?:touches|touched|touching|fondles|fondled) (?:me|her|him"
            r"|my)\b",
            r"child (?:abuse|neglect|abduction)|sexually abus\w* (?:a |my |the |his |her )?"
            r"(?:child|kid|son|daughter)|paedophil\w*|pedophil\w*|molest\w*",
            _EN_CHILD + r" " + _GAP3 + r"(?:alone|locked) in (?:a |the |my |his |her )?"
            r"(?:hot )?car\b",
            r"(?:my parents|my dad|my father|my mum|my mom|my mother|my stepdad|my stepfather"
            r"|my stepmother|my stepmom) " + _GAP1 + r"(?:beat|beats|hit|hits|abuse|abuses|hurt"
            r"|hurts|kicks|kick|punch|punches) me\b",
            # A child on a height, out of reach: "a kid on a window ledge", "a toddler climbing
            # over the balcony railing", "hanging out of the window".
            _EN_CHILD + r" " + _GAP4 + r"(?:on|at|onto|along|over|out on) (?:the |a |an |his "
            r"|her |their )?(?:open )?" + _EN_LEDGE + r"\b",
            _EN_CHILD + r" " + _GAP3 + r"(?:alone|climbing|climbed|hanging|dangling|leaning"
            r"|crawling|walking|balancing) " + _GAP2 + r"(?:on|onto|over|out of"
            r"|from|off|outside|up|on top of) (?:the |a |an |his |her |their )?(?:open )?"
            + _EN_HEIGHT + r"\b",
            _EN_CHILD + r" (?:is |are |s )?(?:alone |up |out )?(?:on|onto|up on|on top of)"
            r" (?:the |a )?(?:roof|rooftop)\b",
            _EN_CHILD + r" " + _GAP4 + r"(?:about to|going to|gonna|could|might|will|almost"
            r"|nearly) (?:fall|fell) (?:off|out of|from|through) (?:the |a |an |his |her )?"
            + _GAP1 + _EN_HEIGHT + r"\b|" + _EN_CHILD + r" " + _GAP3 + r"(?:fell|has fallen"
            r"|falls) (?:off|out of|from) (?:the |a |an |his |her )?" + _GAP1 + _EN_HEIGHT
            + r"\b",
            # Screams and blows heard together: a child being hit next door.
            _together(_EN_CHILD + r" " + _GAP3 + _EN_SCREAMS, _EN_BLOWS),
        ),
    },
    UrgencyKind.FIRE: {
        Language.FR: (
            r"au feu\b(?! de bois| ouvert)" + _NOT_A_TRAFFIC_LIGHT,
            r"(?:il y a|y a|ya) (?:le |du |un )?(?:feu|incendie)\b" + _NOT_A_TRAFFIC_LIGHT,
            r"(?:en|prend|pris|prendre|a pris) feu\b" + _NOT_A_TRAFFIC_LIGHT,
            r"le feu (?:a pris|prend|se propage)",
            r"(?:ca|tout) brule\b|brul(?:e|ent) chez\b",
            r"(?<!de )feu dans (?:la|le|l|ma|mon|notre|sa|son|les)\b",
            r"incendie (?:en cours|se propage|chez (?:moi|nous|le|la|mon|ma|les|l)\b)",
            r"(?:a mis|met|mis|mettre|va mettre|menace de mettre) le feu",
            r"(?:de la|beaucoup de|plein de|epaisse|noire) fumee|fumee (?:qui )?(?:sort|sortent"
            r"|s echappe|partout|noire|epaisse|envahit|monte)|(?:pleine?|rempli|remplie"
            r"|envahie?) de fumee",
            # "ça sent très fort le gaz", "une odeur bizarre de gaz", "ça pue le gaz".
            r"odeur " + _FR_STRONGLY + r"(?:forte |suspecte |intense |etrange )?(?:de |du )gaz"
            r"|(?:sent|sens|sentent|pue|puent) " + _FR_STRONGLY + r"(?:le |du |l )?gaz\b"
            r"|fuite de gaz|sent le (?:brule|roussi)",
            r"(?:detecteur|detecteurs|alarme) (?:de fumee |incendie )(?:sonne|sonnent|hurle"
            r"|se declenche)",
            r"(?:maison|appartement|appart|immeuble|cuisine|voiture|batiment|chambre|garage|ferme"
            r"|grenier|cave|tout) (?:est |qui )?(?:en train de )?brul(?:e|ent)\b",
            r"flammes (?:\w+ ){0,2}?(?:sortent|partout|dans|chez)|des flammes",
        ),
        Language.NL: (
            r"(?:er is|er is een|er woedt een|grote|zware) brand\b|(?:staat|staan|stond) "
            + _GAP2 + r"in (?:de )?(?:brand|vlammen)|in brand (?:gevlogen|geschoten|gestoken)"
            r"|vlam gevat",
            r"(?<!na een )(?<!na de )(?<!door een )(?<!door de )brand (?:in|bij) (?:mijn|ons"
            r"|onze|het|de|mijn buren|de buren)\b",
            r"(?:het|alles|huis|keuken|woning|auto|gebouw|appartement) " + _GAP1 + r"brandt\b",
            r"(?:er komt|veel|zwarte|dikke) rook|rook (?:komt|uit|overal)|vol (?:met )?rook",
            r"gaslek|gaslucht|gasgeur|(?:ruik|ruikt|ruiken|stinkt|stinken|meurt) (?:(?:hier|het"
            r"|heel|erg|echt|sterk|zo|enorm|overal|er|nogal|wat|al|ik|je|precies) )*(?:naar )?gas\b"
            r"|rookmelders? " + _GAP2 + r"(?:gaat|gaan|ging) af\b",
            r"vlammen " + _GAP2 + r"(?:slaan|komen|uit)\b",
        ),
        Language.EN: (
            r"(?:there s|there is) (?:a )?fire\b|(?:house|flat|kitchen|building|apartment|car"
            r"|room|garage|home|roof|oven|pan|stove|curtains|everything) " + _GAP3
            + r"on fire\b" + _NOT_LONG_AGO + r"|(?:caught|catching|catches|catch) fire\b"
            + _NOT_LONG_AGO + r"|fire in (?:my|our|the|his|her|a)"
            r" (?:house|flat|kitchen|building|apartment|home|room|bedroom|garage|neighbour s"
            r"|neighbor s|basement|stairwell|hallway)\b",
            r"smoke (?:is )?(?:coming|pouring|billowing|everywhere|filling)|(?:full of|lots of"
            r"|thick|black|so much) smoke|smoke alarm " + _GAP1 + r"going off",
            r"(?:smell|smells|smelling|stinks|stink|reeks|reek) " + _EN_STRONGLY + r"(?:natural )?"
            r"gas\b|gas (?:smell|odou?r)\b|(?:smell|odou?r) of gas\b|gas leak|flames (?:coming"
            r"|everywhere|are)",
        ),
    },
    UrgencyKind.MEDICAL: {
        Language.FR: (
            r"(?:respire|respirait) (?:plus|pu|pas|presque plus|mal|difficilement)\b"
            r"|(?:arrive|n arrive) (?:plus|pas) a respirer|du mal a respirer",
            r"(?:s etouffe|s est etouffee?|en train de s etouffer|il etouffe|elle etouffe"
            r"|bebe etouffe|j etouffe)\b",
            r"inconsciente?|evanouie?|perdu connaissance|perd connaissance|se reveille (?:pas"
            r"|plus)|ne se releve (?:pas|plus)",
            _FR_PERSON + r" (?:ne |n )?(?:reagit|bouge) (?:plus|pas)\b(?! (?:a|aux|au|de)\b)",
            r"(?<!apres une )(?<!apres un )(?<!eu une )(?<!eu un )(?:crise cardiaque"
            r"|arret cardiaque|infarctus)",
            r"douleurs? " + _GAP2 + r"poitrine|mal (?:a|dans) la poitrine|douleur thoracique",
            r"convuls\w*|crise d epilepsie|saigne (?:beaucoup|enormement|abondamment|de partout"
            r"|sans arret|fort|trop)|perd (?:beaucoup|enormement) de sang|hemorragie",
            r"se noie|en train de (?:se )?noyer|choc anaphylactique|(?:gorge|langue|visage"
            r"|levres) (?:qui )?gonfle",
            r"(?:fait|fais|faire|est en train de faire|en train de faire) (?:un |une )?(?:avc"
            r"|infarctus|arret cardiaque|crise cardiaque|malaise|crise d epilepsie"
            r"|crise convulsive|attaque cardiaque|overdose|hemorragie|choc anaphylactique)\b",
            r"(?:s est|est) (?:effondree?|ecroulee?)|tombee? (?:et ne|par terre et|inanimee?"
            r"|inconsciente?)",
            r"(?:il y a|y a) (?:un |une |des )?blessee?s? graves?|(?:grievement|gravement)"
            r" blessee?s?",
        ),
        Language.NL: (
            r"ademt (?:niet|nauwelijks|heel moeilijk|moeilijk|bijna niet)|(?:kan|kon) " + _GAP1
            + r"niet (?:meer )?ademen|krijgt? " + _GAP1 + r"geen (?:lucht|adem)|stikt\b"
            r"|aan het stikken",
            r"buiten bewustzijn|bewusteloos|flauwgevallen|flauw gevallen|onwel geworden"
            r"|in elkaar gezakt|zakte " + _GAP1 + r"in elkaar|zakt in elkaar",
            _NL_PERSON + r" reageert (?:niet|nergens)\b(?! (?:meer )?op\b)",
            r"(?<!na een )(?:hartaanval|hartstilstand|hartinfarct)\b(?! gehad)",
            r"(?:heeft|krijgt|doet|heb|krijg) " + _GAP1 + r"(?:een )?(?:beroerte|herseninfarct"
            r"|hersenbloeding|epileptische aanval)\b(?! gehad)",
            r"epileptische aanval|stuipen|convuls\w*|verdrinkt|aan het verdrinken",
            r"niet (?:meer )?wakker te krijgen|wordt niet (?:meer )?wakker",
            r"pijn " + _GAP2 + r"(?:borst|borstkas)\b|druk op de borst|(?:bloedt|bloedde) "
            + _GAP1 + r"(?:erg|hevig|veel|enorm)|veel bloed\b|anafylact\w*|allergische shock",
        ),
        Language.EN: (
            r"(?:not|isn t|is not|stopped|s not|aren t|barely|can t|cannot) breathing"
            r"|(?:can not|cannot|can t|unable to|struggling to|hard to) breathe",
            r"unconscious|passed out|(?<!after a )(?<!had a )(?:heart attack|cardiac arrest)"
            r"\b(?! (?:last|in|years?|ago)\b)|chest pains?"
            r"|pain in (?:my|his|her|the) chest",
            r"(?:having|has) (?:a |an )?(?:stroke|seizure|fit|heart attack|asthma attack"
            r"|allergic reaction|anaphylactic \w+)\b|epileptic (?:fit|seizure)|convulsing"
            r"|convulsions",
            r"bleeding (?:heavily|a lot|badly|profusely|everywhere|non stop)|(?:lots|lot) of blood"
            r"|losing (?:a lot of )?blood|choking|drowning|anaphyla\w*|(?:throat|tongue|face"
            r"|lips) (?:is |are )?swelling",
            _EN_PERSON + r" (?:has |just |s |suddenly )?collapsed",
            _EN_PERSON + r" (?:is |s )?(?:not|isn t|won t|doesn t|does not|can t) (?:waking up"
            r"|wake up|responding|respond|moving)\b(?! to)",
            r"(?:won t|will not|can t|cannot) (?:wake up|be woken)\b(?! (?:early|at|in time"
            r"|on time|for|before)\b)|fainted\b" + _NOT_LONG_AGO,
        ),
    },
    UrgencyKind.POISONING: {
        Language.FR: (
            _FR_INGESTED + r" " + _GAP3 + _FR_SUBSTANCE + r"\b",
            r"(?:avale|avalee|ingere|ingeree|mange|mangee|croque) " + _GAP2 + r"(?:des|les|ses"
            r"|plusieurs|tous|toutes|toute|la boite|une boite|un tube|une plaquette|la plaquette"
            r"|trop de|beaucoup de|plein de|un paquet de) " + _GAP2 + _FR_MEDICINE,
            r"(?:pris|prise|avale|avalee|ingere|bu) " + _GAP1 + r"trop de " + _FR_MEDICINE,
            r"intoxication|intoxiquee?s?\b|empoisonnee?s?\b(?! la vie)|empoisonnement|surdose"
            r"|overdose|centre anti ?poisons?|antipoisons?",
            r"(?:detecteur|alarme) (?:de |du |au )?(?:monoxyde|co) " + _GAP3 + r"(?:sonne"
            r"|bip\w*|hurle|se declenche)",
            # A child who swallowed one pill, or a whole bottle of syrup: the dose that is safe
            # for an adult is not for a toddler.
            _FR_CHILD + r" " + _GAP4 + r"(?:avale|avalee|bu|bue|mange|mangee|croque|leche|mache) "
            + _GAP2 + r"(?:(?:un|une|des|mes|ses|les|le|la|du|de la|son|sa) )?(?:medicaments?"
            r"|cachets?|comprimes?|pilules?|gelules?|patch|pile)\b|(?:avale|avalee|bu|bue)"
            r" (?:tout|toute|tous|toutes) (?:le|la|les) (?:flacon|bouteille|tube|boite|sirop"
            r"|gouttes|vitamines)",
        ),
        Language.NL: (
            _NL_SUBSTANCE + r" " + _GAP4 + _NL_INGESTED + r"\b|" + _NL_INGESTED + r" " + _GAP3
            + _NL_SUBSTANCE + r"\b",
            _NL_MEDICINE + r" " + _GAP3 + r"(?:ingeslikt|doorgeslikt|opgegeten|gegeten"
            r"|binnengekregen)\b|(?:te veel|teveel|een handvol|veel te veel) " + _GAP1
            + _NL_MEDICINE,
            _NL_CHILD + r" " + _GAP4 + r"(?:pil|pilletje|tablet|tabletje|medicijn|capsule"
            r"|siroop|strip|fles|flesje|knoopcel)\w* " + _GAP2 + _NL_INGESTED + r"\b",
            r"vergiftig\w*|koolmonoxide\w*? ?(?:vergiftiging|melder " + _GAP1
            + r"(?:gaat|ging) af)|co ?(?:vergiftiging|melder " + _GAP1 + r"(?:gaat|ging) af)"
            r"|antigifcentrum|overdosis",
        ),
        Language.EN: (
            r"(?:drank|drunk|drink|drinking|swallowed|swallow|swallowing|ate|eaten|eating|licked"
            r"|ingested|chewed|bit into) " + _GAP3 + _EN_SUBSTANCE + r"\b",
            r"(?:swallowed|ate|eaten|ingested|chewed) " + _GAP3 + _EN_MEDICINE
            + r"|(?:too many|a lot of|a handful of|loads of|overdosed on) " + _GAP1
            + _EN_MEDICINE,
            _EN_CHILD + r" " + _GAP4 + r"(?:swallowed|ate|eaten|drank|drunk|chewed|got into"
            r"|licked) " + _GAP4 + r"(?:pills?|tablets?|capsules?|medicines?|medication|meds"
            r"|vitamins|gummies|edibles?|(?:whole|entire) bottle)\b",
            r"poisoned|poisoning|overdos(?:e|ed|ing)|carbon monoxide (?:poisoning|alarm " + _GAP1
            + r"going off)|co alarm " + _GAP1 + r"going off|poison (?:control|centre|center)",
        ),
    },
}


def _compile(patterns_by_language: dict[Language, tuple[str, ...]]) -> re.Pattern[str]:
    alternatives = [pattern for patterns in patterns_by_language.values() for pattern in patterns]
    # A stray "|" in a table would make a pattern match every text: refuse it at import.
    empty_matches = [pattern for pattern in alternatives if re.search(pattern, "")]
    if empty_matches:
        raise ValueError(f"urgency patterns that match an empty text: {empty_matches}")
    return re.compile(r"\b(?:" + "|".join(f"(?:{pattern})" for pattern in alternatives) + r")\b")


_DETECTORS: dict[UrgencyKind, re.Pattern[str]] = {
    kind: _compile(_PATTERNS[kind]) for kind in _SPECIFICITY
}

# --- Channels ---------------------------------------------------------------------------------
# Only verified numbers. An English speaker gets the French- and the Dutch-speaking line, since
# Belgium has no English one; the label says which language the line answers in.

_ALWAYS = "24/7"
_EMERGENCY: dict[Language, Channel] = {
    Language.FR: Channel(ChannelKind.EMERGENCY, "Urgences (ambulance, pompiers)", "112", _ALWAYS),
    Language.NL: Channel(ChannelKind.EMERGENCY, "Noodnummer (ambulance, brandweer)", "112",
                         _ALWAYS),
    Language.EN: Channel(ChannelKind.EMERGENCY, "Emergency (ambulance, fire brigade)", "112",
                         _ALWAYS),
}
_POLICE: dict[Language, Channel] = {
    Language.FR: Channel(ChannelKind.EMERGENCY, "Police", "101", _ALWAYS),
    Language.NL: Channel(ChannelKind.EMERGENCY, "Politie", "101", _ALWAYS),
    Language.EN: Channel(ChannelKind.EMERGENCY, "Police", "101", _ALWAYS),
}


def _line(label: str, value: str, hours: str | None = None) -> Channel:
    return Channel(ChannelKind.PHONE, label, value, hours)


_POISON_CENTRE = _line("Centre Antipoisons / Antigifcentrum", "070 245 245", _ALWAYS)
_HELP_LINES: dict[UrgencyKind, dict[Language, tuple[Channel, ...]]] = {
    UrgencyKind.SUICIDE: {
        Language.FR: (_line("Centre de Prévention du Suicide", "0800 32 123", _ALWAYS),),
        Language.NL: (_line("Zelfmoordlijn", "1813", _ALWAYS),),
        Language.EN: (_line("Centre de Prévention du Suicide (in French)", "0800 32 123", _ALWAYS),
                      _line("Zelfmoordlijn (in Dutch)", "1813", _ALWAYS)),
    },
    UrgencyKind.VIOLENCE: {
        Language.FR: (_POLICE[Language.FR],
                      _line("Écoute Violences Conjugales", "0800 30 030", _ALWAYS)),
        Language.NL: (_POLICE[Language.NL],
                      _line("Hulplijn geweld, misbruik en kindermishandeling", "1712")),
        Language.EN: (_POLICE[Language.EN],
                      _line("Écoute Violences Conjugales (in French)", "0800 30 030", _ALWAYS),
                      _line("Violence and abuse helpline (in Dutch)", "1712")),
    },
    UrgencyKind.CHILD_DANGER: {
        Language.FR: (_POLICE[Language.FR], _line("Écoute-Enfants", "103")),
        Language.NL: (_POLICE[Language.NL], _line("Awel", "102"),
                      _line("Hulplijn geweld, misbruik en kindermishandeling", "1712")),
        Language.EN: (_POLICE[Language.EN], _line("Écoute-Enfants (in French)", "103"),
                      _line("Awel (in Dutch)", "102")),
    },
    UrgencyKind.POISONING: {language: (_POISON_CENTRE,) for language in Language},
    UrgencyKind.FIRE: {language: () for language in Language},
    UrgencyKind.MEDICAL: {language: () for language in Language},
}


# --- Detection --------------------------------------------------------------------------------

def matching_kinds(text: str) -> tuple[UrgencyKind, ...]:
    """Every kind of danger the text speaks of, most specific first, in any of the languages."""
    normalised = normalise_for_urgency(text)
    return tuple(kind for kind in _SPECIFICITY if _DETECTORS[kind].search(normalised))


def detect_urgency(text: str, language: Language) -> Urgency | None:
    """The danger the text speaks of, with 112 and the help lines in `language`; None if none.

    `language` does not restrict detection: the patterns of every language always run.
    """
    kinds = matching_kinds(text)
    if not kinds:
        return None
    channels = [_EMERGENCY[language]]
    for kind in kinds:
        channels.extend(c for c in _HELP_LINES[kind][language] if c not in channels)
    # The text is the citizen's and may be personal: log only what was found.
    logger.info("urgency detected: kinds=%s language=%s", [str(k) for k in kinds], language)
    return Urgency(kind=kinds[0], channels=tuple(channels))


# --- Message ----------------------------------------------------------------------------------

_FIRST_WORDS: dict[UrgencyKind, dict[Language, str]] = {
    UrgencyKind.SUICIDE: {
        Language.FR: "Ce que vous vivez compte, et on peut vous aider tout de suite.",
        Language.NL: "Wat u doormaakt telt, en er is meteen hulp.",
        Language.EN: "What you are going through matters, and help is there right now.",
    },
    UrgencyKind.VIOLENCE: {
        Language.FR: "Votre sécurité passe avant tout.",
        Language.NL: "Uw veiligheid gaat voor alles.",
        Language.EN: "Your safety comes first.",
    },
    UrgencyKind.CHILD_DANGER: {
        Language.FR: "La sécurité de l'enfant passe avant tout.",
        Language.NL: "De veiligheid van het kind gaat voor alles.",
        Language.EN: "The child's safety comes first.",
    },
    UrgencyKind.FIRE: {
        Language.FR: "Sortez et éloignez-vous du danger.",
        Language.NL: "Ga naar buiten en blijf uit de buurt van het gevaar.",
        Language.EN: "Get out and stay away from the danger.",
    },
    UrgencyKind.MEDICAL: {
        Language.FR: "Chaque minute compte.",
        Language.NL: "Elke minuut telt.",
        Language.EN: "Every minute counts.",
    },
    UrgencyKind.POISONING: {
        # The poison centre's own advice: a caustic product burns again on the way up, and the
        # label tells the centre what was swallowed.
        Language.FR: "Ne faites pas vomir et gardez l'emballage du produit.",
        Language.NL: "Laat niet braken en houd de verpakking van het product bij.",
        Language.EN: "Do not make anyone vomit, and keep the product's packaging.",
    },
}
_CALL_112 = {
    Language.FR: "Appelez le 112 maintenant.",
    Language.NL: "Bel nu 112.",
    Language.EN: "Call 112 now.",
}
_CALL_112_OR_POLICE = {
    Language.FR: "Appelez le 112 maintenant, ou la police au 101.",
    Language.NL: "Bel nu 112, of de politie op 101.",
    Language.EN: "Call 112 now, or the police on 101.",
}
_ALSO_CALL = {
    Language.FR: "Vous pouvez aussi appeler : {lines}.",
    Language.NL: "U kunt ook bellen naar: {lines}.",
    Language.EN: "You can also call: {lines}.",
}
_DAY_AND_NIGHT = {Language.FR: " (24h/24)", Language.NL: " (dag en nacht)",
                  Language.EN: " (24/7)"}
_OR = {Language.FR: ", ou ", Language.NL: ", of ", Language.EN: ", or "}


def urgent_message(urgency: Urgency, language: Language) -> str:
    """Two or three short sentences: what matters first, call 112 now, and the help line(s)."""
    with_police = any(c.value == _POLICE[language].value for c in urgency.channels)
    sentences = [_FIRST_WORDS[urgency.kind][language],
                 (_CALL_112_OR_POLICE if with_police else _CALL_112)[language]]
    help_lines = [c for c in urgency.channels if c.kind is ChannelKind.PHONE]
    if help_lines:
        named = _OR[language].join(
            f"{c.label}, {c.value}" + (_DAY_AND_NIGHT[language] if c.hours == _ALWAYS else "")
            for c in help_lines)
        sentences.append(_ALSO_CALL[language].format(lines=named))
    return " ".join(sentences)
