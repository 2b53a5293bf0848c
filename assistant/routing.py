"""Routing before retrieval: what must not go through search at all.

Greetings get a friendly reply, questions about the citizen's own file go to the service that
holds it, and topics outside public procedures (weather, poems, small talk) hand off. Harmful and
manipulative requests are the safety step's (assistant/safety/harm/). Patterns run on
accent-folded text, in all three languages whatever the detected language.
"""

from __future__ import annotations

import re
from enum import StrEnum

from indexing.models import Region
from indexing.text import fold_accents


class Route(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    OWN_FILE = "own_file"
    OUT_OF_SCOPE = "out_of_scope"


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_GREETING_WORDS = (r"bonjour|bonsoir|salut|slt|bjr|coucou|hello|hallo|hi|hey|goeiedag|goedendag|"
                   r"goedemorgen|dag|good morning|good afternoon|ca va|comment ca va|hoe gaat het|"
                   r"how are you|yo")
_THANKS_WORDS = (r"merci|merci beaucoup|mrc|super|top|parfait|ok|oke|okay|d accord|dank u|"
                 r"dank je|bedankt|dankjewel|dank u wel|thanks|thank you|thx|great|perfect|"
                 r"au revoir|tot ziens|bye|goodbye")
_FILLER = r"(?:\s|[!?.,;:)(]|\bmadame\b|\bmonsieur\b|\bguichet\b|\bbeaucoup\b|\bwel\b)*"

GREETING = re.compile(rf"^{_FILLER}(?:(?:{_GREETING_WORDS}){_FILLER})+$")
THANKS = re.compile(rf"^{_FILLER}(?:(?:{_THANKS_WORDS}){_FILLER})+$")

OWN_FILE = _any(
    r"\bou en est (?:mon|ma|notre)\b", r"\bmon dossier\b", r"\bma demande (?:est|a ete)\b",
    r"\bpourquoi (?:mon|ma|mes) \w+ (?:a|ont|est|sont) (?:baisse|diminue|ete refuse|ete supprime|"
    r"ete coupe|pas ete paye)", r"\bje n ai (?:toujours )?pas (?:recu|touche) (?:mon|ma|mes)\b",
    r"\b(?:mon|ma) (?:allocation|paiement|remboursement) (?:n est pas|a baisse|est en retard)",
    r"\bmijn dossier\b", r"\bhoe ver staat (?:mijn|onze)\b",
    r"\bwaarom is mijn \w+ (?:verlaagd|gedaald|geweigerd|gestopt)",
    r"\bik heb (?:mijn \w+ )?(?:nog )?(?:steeds )?niet ontvangen\b",
    r"\bmy (?:file|case|application) (?:status|number)\b", r"\bstatus of my\b",
    r"\bwhy (?:was|is|has) my \w+ (?:been )?(?:reduced|cut|refused|stopped|lower)",
    r"\bi (?:still )?(?:have not|haven t|did not|didn t) (?:yet )?(?:received|get|got) my\b",
    # Whether a request was accepted, or why a payment was smaller: only the file says.
    r"\b(?:pourquoi|pk|pq) (?:j ?ai|on a|nous avons) (?:recu|touche|eu) (?:que|seulement|moins)\b",
    r"\b(?:mon|ma) \w+ (?:a ete|est) (?:deja )?(?:acceptee?|validee?|approuvee?|refusee?)\b",
    r"\b(?:is|werd|wordt) (?:mijn|onze) \w+ (?:al |nog )?(?:goedgekeurd|aanvaard|geweigerd|"
    r"behandeld)\b", r"\bwaarom (?:kreeg|heb) ik (?:maar|slechts|minder)\b",
    r"\b(?:has|was|is) my \w+ (?:been |already )?(?:approved|accepted|processed|refused)\b",
    r"\bwhy did i (?:only )?(?:get|receive)\b")

OUT_OF_SCOPE = _any(
    r"\bmeteo\b", r"\bquel temps\b", r"\bpoeme\b", r"\bpoesie\b", r"\bblague\b", r"\brecette\b",
    r"\bchanson\b", r"\bhoroscope\b", r"\bresultat du match\b", r"\bqui a gagne\b",
    r"\bweerbericht\b", r"\bhet weer\b", r"\bgedicht\b", r"\bmop\b", r"\brecept\b", r"\bliedje\b",
    r"\bweather\b", r"\bpoem\b", r"\bjoke\b", r"\brecipe\b", r"\bsong\b", r"\bhoroscope\b",
    r"\bwho won\b", r"\bwrite (?:me )?(?:a|some) (?:code|story|essay)\b",
    # Small talk with the assistant itself.
    r"\bparle moi de toi\b", r"\bqui es tu\b", r"\bje m ennuie\b", r"\bjmennuie\b",
    r"\btell me about yourself\b", r"\bwho are you\b", r"\bi m bored\b",
    r"\bvertel (?:eens )?over jezelf\b", r"\bwie ben jij\b", r"\bik verveel me\b")


def route(text: str) -> Route | None:
    """The route a question must take before retrieval, or None for an ordinary question."""
    folded = re.sub(r"['’`-]", " ", fold_accents(text)).strip()
    if GREETING.match(folded):
        return Route.GREETING
    if THANKS.match(folded):
        return Route.THANKS
    if OWN_FILE.search(folded):
        return Route.OWN_FILE
    if OUT_OF_SCOPE.search(folded):
        return Route.OUT_OF_SCOPE
    return None


# Places that show the asker lives outside Brussels: region names and the larger towns.
_REGION_WORDS: dict[Region, re.Pattern[str]] = {
    Region.WALLONIA: re.compile(
        r"\b(?:wallonie|wallon|wallonne|wallonia|walloon|wallonie|namur|liege|charleroi|mons|"
        r"tournai|la louviere|arlon|wavre|verviers|nivelles|ottignies|louvain la neuve)\b"),
    Region.FLANDERS: re.compile(
        r"\b(?:flandre|flamand|flamande|flanders|flemish|vlaanderen|vlaams|vlaamse|antwerpen|"
        r"anvers|antwerp|gent|gand|ghent|brugge|bruges|leuven|louvain|mechelen|malines|hasselt|"
        r"kortrijk|courtrai|aalst|oostende|ostende|genk)\b"),
    Region.BRUSSELS: re.compile(
        r"\b(?:bruxelles|brussel|brussels|ixelles|elsene|schaerbeek|schaarbeek|anderlecht|"
        r"molenbeek|uccle|ukkel|etterbeek|forest|vorst|jette|evere|saint gilles|sint gillis|"
        r"woluwe|auderghem|oudergem|koekelberg|ganshoren|berchem|watermael|boitsfort|"
        r"saint josse|sint joost)\b"),
}


def mentioned_region(text: str) -> Region | None:
    """The region a question names, if it names exactly one."""
    folded = re.sub(r"['’`-]", " ", fold_accents(text))
    found = [region for region, pattern in _REGION_WORDS.items() if pattern.search(folded)]
    return found[0] if len(found) == 1 else None
