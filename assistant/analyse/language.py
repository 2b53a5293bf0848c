"""Which language a citizen writes in, from a few words typed on a phone.

Questions are short ("paspoort kwijt"), without accents, with typos and SMS spelling, so general
language identifiers trained on long clean text do poorly. Three kinds of evidence are summed:

1. Known words, accent-folded: the function words of each language (weight 1) and the
   administrative words citizens use (weight 1.5, because a 2-word question often has nothing
   else). A word listed for two languages ("de", "is", "in") is split between them, so it cannot
   decide alone; words every language uses ("eid", "kids", "pin", "cpas") count for none.
2. The same, at a discount, one typo away for long words ("verlore" for "verloren"), in French
   elisions glued by a lost apostrophe ("didentite"), and as the head or tail of a compound
   ("werkloosheidsuitkering").
3. For words known to no list, letter groups typical of one language ("ij", "sch" for Dutch;
   "eau", "eux" for French; "th", "wh", "ght" for English) and accents ("é" is French), worth
   less than a known word.

The language with most evidence wins; it is `confident` only when it has enough evidence and
twice as much as the runner-up. Otherwise the caller may keep the language of the conversation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.analyse.spelling import NearWordIndex
from indexing.models import Language
from indexing.text import fold_accents

_FUNCTION_WORDS = {
    Language.FR: """
        je j tu il elle on a nous vous ils elles me moi te toi se mon ma mes ton ta tes son sa ses
        notre nos votre vos leur leurs le la les un une des du de au aux ce cet cette ces qui que
        quoi quel quelle quels quelles ou comment combien pourquoi quand est sont suis es etes ai
        as avons avez ont avoir etre ete fait faire faut peut peux pouvez dois doit devez veux
        voudrais vais va aller pour par avec sans dans sur sous chez apres avant depuis et mais
        donc car pas ne plus tres aussi encore deja si oui non merci bonjour bonsoir salut madame
        monsieur y ici rien tout tous toute toutes meme autre besoin aide aider savoir sais an ans
        mois jour jours semaine fils fille mari femme pere mere quelqu chose en lui ca cela puis
        comme entre contre quelque personne hier demain aujourd hui jamais toujours marche
        cest jai jsp jsuis chui slt bjr stp svp pk pq pkoi koi qd kel kelle ds tt bcp dc pr ac avc
        cb cmb ajd auj nvl nv tjr tjrs qqn qqch ke ki ya dsl mrc mrci g
    """,
    Language.NL: """
        ik je jij u uw hij zij ze wij we jullie mij me mijn jouw zijn haar ons onze hun de het een
        die dat deze dit van voor met op aan in naar bij uit over door om tot te en of maar als
        want dus niet geen wel ook nog al er hier daar waar wat wie welke welk hoe hoeveel waarom
        wanneer is ben bent was heb hebt heeft hebben had kan kun kunt kunnen moet moeten mag
        mogen wil wilt willen zal zou ga gaat gaan doen doe krijg krijgt krijgen weet weten nodig
        nieuwe nieuw graag dank bedankt hallo goedendag dag ja nee even alsjeblieft alstublieft
        aub kind kinderen zoon dochter vrouw man moeder vader jaar jaren maand week dagen pas
        zonder zelf nu toch baby iets niets niks iemand mogelijk snap ken kent gisteren vandaag
        morgen nooit altijd meer weg terug kapot stuk
        mn zn da wa ni nie ff idd kweet tis gwn hvl
    """,
    Language.EN: """
        i me my mine you your he she it we they our their them the a an this that these those
        what where when why who which how much many is are am was were be been do does did don
        have has had can could should would will must need want get got to of for with from in
        on at by about and or but not no yes please thanks thank hello hi there here if so just
        any some new again still already know son daughter wife husband child children year
        month week days as anyone someone myself without very yet last next now baby dont doesnt
        didnt cant wont im ive isnt yesterday today tomorrow anything something understand never
        always more back broken
        u ur pls plz thx thanx r idk govt b4 2day
    """,
}

_ADMINISTRATIVE_WORDS = {
    Language.FR: """
        carte cartes identite commune communale maison administration demenagement demenager
        demenage adresse domicile domiciliation domicilier allocations allocation familiales
        familiale impot impots declaration fiscale mutuelle passeport naissance mariage marier
        deces perdu perdue perdus vole volee volees vol perte prix cout coute payer paye rendez
        rdv permis conduire casier judiciaire extrait acte composition menage cohabitation
        legale chomage travail emploi logement loyer revenu integration sociale social sejour
        etranger nationalite empreintes renouveler renouvellement delai gratuit urgence
        reconnaissance inscription inscrire formulaire demande demander guichet etat civil
        greffe plainte amende voiture immatriculation facture banque compte assurance maladie
        medecin hopital ecole prime bourse numero registre oublie bloque bloquee debloquer
        activer lecteur avocat huissier dettes retraite handicap bruxelles belgique anvers gand
        liege nouvelle nouveau obtenir recevoir enfant enfants bebe attestation certificat
        funerailles voyage mort morte decede decedee nee taxe taxes parents cohabitant signature
        mairie urgent urgente police pension application residence national ligne internet
        lettre recu photos expire expiree remboursement assistance portefeuille sac
    """,
    Language.NL: """
        identiteitskaart kaart gemeente gemeentehuis stadhuis verhuizen verhuisd verhuis
        verhuizing adres adreswijziging domicilie paspoort kinderbijslag groeipakket belastingen
        belasting aangifte ziekenfonds geboorte huwelijk trouwen kwijt verloren gestolen
        diefstal verlies prijs kost kosten betalen afspraak aanvragen aanvraag rijbewijs
        uittreksel strafregister akte gezinssamenstelling samenwonen wettelijke werkloosheid
        werk woning huur inkomen leefloon ocmw verblijf vreemdeling nationaliteit
        vingerafdrukken vernieuwen termijn gratis dringend erkenning inschrijving formulier
        loket burgerlijke stand politie boete auto nummerplaat factuur rekening verzekering
        dokter ziekenhuis school premie nummer rijksregister vergeten geblokkeerd deblokkeren
        activeren kaartlezer advocaat schulden pensioen handicap brussel belgie antwerpen gent
        luik attest getuigschrift overlijden overleden gestorven begrafenis reizen ouders
        pincode handtekening stad dienst bevolking burgerzaken uitkering sociale hulp helpen
        brief ontvangen geboren vervallen vervalt terugbetaling fotos portefeuille tas
    """,
    Language.EN: """
        card identity town hall city municipality moving move moved address residence
        registration allowance allowances family taxes tax return passport birth marriage married
        marry lost stolen theft loss price cost costs pay fee appointment apply application
        driving licence license criminal record extract certificate composition household
        cohabitation legal unemployment job work housing rent income benefits welfare social
        permit foreigner nationality fingerprints renew renewal deadline free urgent emergency
        recognition register form office civil status police fine car plate invoice bank
        account insurance health doctor hospital school grant number national forgot forgotten
        blocked unblock activate reader lawyer debts pension disability brussels belgium antwerp
        ghent death funeral travel parents signature help expired replace replacement delay
        assistance born died dead book booking refund letter received expire expires photos
        wallet bag
    """,
}

# Used by citizens of every language: they must not decide anything.
_SHARED_WORDS = set("""
    eid id kids kidsid pin puk cpas ok oke okay info infos itsme bpost email mail online website
    app sms whatsapp irisbox bxl myminfin taxonweb covid docstop stop code document
    documents photo foto test
""".split())

_FUNCTION_WEIGHT = 1.0
_ADMINISTRATIVE_WEIGHT = 1.5
_TYPO_DISCOUNT = 0.6
_LETTER_GROUP_WEIGHT = 0.6
_MIN_COMPOUND_PART = 5
_MIN_COMPOUND_REST = 3
_MIN_CONFIDENT_EVIDENCE = 1.5
_MIN_CONFIDENT_MARGIN = 1.0

# Letter groups (^ and $ mark the ends of the word) → evidence for (FR, NL, EN).
_LETTER_GROUPS: dict[str, tuple[float, float, float]] = {
    "eau": (1, 0, 0), "eux": (1, 0, 0), "aux$": (1, 0, 0), "oi": (0.6, 0, 0.1),
    "qu": (0.6, 0, 0.3), "ez$": (0.8, 0, 0), "ais$": (0.8, 0, 0), "ait$": (0.8, 0, 0),
    "ique": (0.8, 0, 0.1), "euse": (0.8, 0, 0), "ette$": (0.5, 0, 0.1), "eur$": (0.5, 0.2, 0),
    "ment$": (0.5, 0.1, 0.3), "iere": (0.6, 0, 0), "gn": (0.4, 0, 0.2), "er$": (0.3, 0.1, 0.15),
    "ij": (0, 1, 0), "aa": (0, 1, 0), "uu": (0, 1, 0), "oe": (0.1, 0.8, 0.1),
    "ee": (0.1, 0.6, 0.3), "oo": (0, 0.5, 0.3), "sch": (0, 0.8, 0.1), "cht": (0, 0.8, 0),
    "ui": (0.3, 0.5, 0.1), "^ge": (0.2, 0.6, 0.1), "^ver": (0.1, 0.6, 0.2), "en$": (0.2, 0.5, 0.2),
    "kk": (0, 0.6, 0), "^z": (0.1, 0.5, 0.1), "tje$": (0, 1, 0), "heid": (0, 1, 0),
    "teit": (0, 1, 0), "tie$": (0.1, 0.6, 0.1), "aal$": (0.2, 0.6, 0), "w": (0, 0.4, 0.4),
    "k": (0.05, 0.4, 0.2),
    "th": (0.1, 0.05, 0.8), "wh": (0, 0, 1), "sh": (0.05, 0.05, 0.7), "ing$": (0.1, 0.3, 0.7),
    "ght": (0, 0, 1), "y$": (0.05, 0.05, 0.6), "ck": (0, 0.1, 0.5), "ea": (0.1, 0, 0.5),
    "ed$": (0.1, 0.2, 0.5), "ly$": (0, 0, 0.8), "ow": (0, 0, 0.5), "ew": (0, 0, 0.4),
    "wr": (0, 0, 0.8), "ay": (0.2, 0, 0.4),
}
_FRENCH_ACCENTS = set("éèêàâçùûôî")
_DUTCH_ACCENTS = set("ëï")
_ORDER = (Language.FR, Language.NL, Language.EN)

# Elisions: "j'ai", "qu'il", "l'eid" are French; "don't", "it's", "i'm" English; "m'n" Dutch.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_FRENCH_ELISION = re.compile(r"^(?:[jldnmtsc]|qu|jusqu|lorsqu|puisqu)'(?P<rest>.+)$")
_ENGLISH_CONTRACTION = re.compile(r"^(?P<rest>.+?)(?:n't|'s|'m|'re|'ve|'ll|'d)$")
_DUTCH_CONTRACTION = re.compile(r"^(?:m|z|d|zo)'n$")
_FRENCH_GLUED = re.compile(r"^(?:qu|[jldnmtsc])(?P<rest>[a-z]{4,})$")

Evidence = dict[Language, float]


@dataclass(frozen=True)
class LanguageGuess:
    """The language a text is most likely written in, and how sure the guess is."""

    language: Language
    confident: bool  # False when evidence is thin or split: the caller may keep its language
    scores: dict[Language, float]  # evidence points per language (not probabilities)


def _build_lexicon() -> dict[str, Evidence]:
    entries: dict[str, list[tuple[Language, float]]] = {}
    for weight, lists in ((_FUNCTION_WEIGHT, _FUNCTION_WORDS),
                          (_ADMINISTRATIVE_WEIGHT, _ADMINISTRATIVE_WORDS)):
        for language, text in lists.items():
            for word in set(text.split()) - _SHARED_WORDS:
                entries.setdefault(word, []).append((language, weight))
    lexicon: dict[str, Evidence] = {}
    for word, claims in entries.items():
        # A word claimed by several languages is split between them, so it cannot decide alone.
        share = 1 / len({language for language, _ in claims})
        evidence: Evidence = {}
        for language, weight in claims:
            evidence[language] = max(evidence.get(language, 0.0), weight * share)
        lexicon[word] = evidence
    return lexicon


_LEXICON = _build_lexicon()
_LONG_WORDS = NearWordIndex(word for word in _LEXICON if len(word) >= 5)


def _near_evidence(word: str) -> Evidence:
    """Evidence from lexicon words one typo away (two for very long words), discounted."""
    if len(word) < 5:
        return {}
    near = _LONG_WORDS.within(word, 1 if len(word) < 9 else 2)
    if not near:
        return {}
    fewest = min(edits for edits, _ in near)
    claims = [_LEXICON[candidate] for edits, candidate in near if edits == fewest]
    evidence: Evidence = {}
    for claim in claims:
        for language, weight in claim.items():
            share = weight * _TYPO_DISCOUNT / len(claims)
            evidence[language] = evidence.get(language, 0.0) + share
    return evidence


def _compound_evidence(word: str) -> Evidence:
    """Evidence from the longest known word that opens or closes a compound, discounted.

    Dutch glues nouns together ("werkloosheidsuitkering", "rijksregisternummer"); no list can
    hold them all, but their parts are usually known.
    """
    for length in range(len(word) - _MIN_COMPOUND_REST, _MIN_COMPOUND_PART - 1, -1):
        for part in (word[:length], word[-length:]):
            if part in _LEXICON:
                return {language: weight * _TYPO_DISCOUNT
                        for language, weight in _LEXICON[part].items()}
    return {}


def _letter_evidence(folded: str, raw: str) -> Evidence:
    """Evidence from letter groups and accents, scaled so one word adds at most the weight."""
    padded = f"^{folded}$"
    totals = [0.0, 0.0, 0.0]
    for group, weights in _LETTER_GROUPS.items():
        if group in padded:
            totals = [total + weight for total, weight in zip(totals, weights)]
    if _FRENCH_ACCENTS & set(raw):
        totals[0] += 1.0
    if _DUTCH_ACCENTS & set(raw):
        totals = [totals[0] + 0.3, totals[1] + 0.6, totals[2]]
    strongest = max(totals)
    if strongest == 0:
        return {}
    scale = _LETTER_GROUP_WEIGHT / max(1.0, strongest)
    return {language: total * scale for language, total in zip(_ORDER, totals) if total}


def _word_evidence(folded: str, raw: str) -> Evidence:
    """What one token says about the language, from the strongest kind of evidence it has."""
    if folded in _SHARED_WORDS:
        return {}
    if folded in _LEXICON:
        return _LEXICON[folded]
    if not folded.isalpha():
        return {}  # numbers, and codes such as "595" or "b2"
    glued = _FRENCH_GLUED.match(folded)
    if glued and glued["rest"] in _LEXICON and Language.FR in _LEXICON[glued["rest"]]:
        return {Language.FR: _LEXICON[glued["rest"]][Language.FR] * _TYPO_DISCOUNT}
    near = _near_evidence(folded)
    if not near and glued:
        near = {language: weight for language, weight in _near_evidence(glued["rest"]).items()
                if language is Language.FR}
    return near or _compound_evidence(folded) or _letter_evidence(folded, raw)


def _token_evidence(raw: str) -> list[Evidence]:
    """Evidence of a token, splitting elisions and contractions into their parts."""
    folded = fold_accents(raw)
    if "'" not in folded:
        return [_word_evidence(folded, raw)]
    if _DUTCH_CONTRACTION.match(folded):
        return [{Language.NL: _FUNCTION_WEIGHT}]
    french = _FRENCH_ELISION.match(folded)
    if french:
        return [{Language.FR: _FUNCTION_WEIGHT}, *_token_evidence(french["rest"])]
    english = _ENGLISH_CONTRACTION.match(folded)
    if english:
        return [{Language.EN: _FUNCTION_WEIGHT}, _word_evidence(english["rest"], raw)]
    return [_word_evidence(part, raw) for part in folded.split("'")]


def detect_language(text: str, fallback: Language = Language.FR) -> LanguageGuess:
    """The language of a question; `fallback`, not confident, when nothing decides."""
    scores = {language: 0.0 for language in _ORDER}
    for raw in _TOKEN.findall(text.casefold().replace("’", "'")):
        for evidence in _token_evidence(raw):
            for language, weight in evidence.items():
                scores[language] += weight
    scores = {language: round(score, 3) for language, score in scores.items()}
    best, runner_up = sorted(scores.values(), reverse=True)[:2]
    if best == runner_up:  # nothing at all, or a tie: not ours to decide
        return LanguageGuess(fallback, False, scores)
    language = max(scores, key=scores.__getitem__)
    confident = (best >= _MIN_CONFIDENT_EVIDENCE and best - runner_up >= _MIN_CONFIDENT_MARGIN
                 and best >= 2 * runner_up)
    return LanguageGuess(language, confident, scores)


def function_words() -> set[str]:
    """Every word the three languages' lists hold (accent-folded), for telling them from others."""
    return {word for table in (_FUNCTION_WORDS, _ADMINISTRATIVE_WORDS)
            for words in table.values() for word in words.split()}
