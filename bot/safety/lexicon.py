"""Risk lexicon: patterns grouped by category (see docs/safety/SAFETY.md).

This module is data. ``detector.py`` compiles it once, lazily. Patterns run on
the NORMALISED text (see ``detector.normalise``): lower case, HTML/markdown
stripped, contractions expanded ("don't" -> "do not", "I'm" -> "i am",
"wanna" -> "want to"), text speak and misspellings mapped to plain words.

Two kinds of pattern:

* ``TOKEN_RULES``: spaCy ``Matcher`` patterns in a tiny notation, one string per
  pattern, tokens separated by spaces:
    ``word``      LOWER == word            ``a|b``   LOWER in {a, b}
    ``~kill``     NORM == kill (lemma from the lookup table, with ``NORM_OVERRIDES``)
    ``@baby``     LOWER in MACROS["baby"]  ``x?``    optional token
    ``*2``        up to two tokens of anything but clause punctuation
* ``REGEX_RULES``: Python regexes. A named group ``core`` marks where negation
  is looked for (before it); otherwise the match start is used.

Each rule has an id (logged; never message text), a category and a detail
(C3 only: ``intrusive`` / ``intent``; ``harm`` means "decide from context").
``EXCLUSIONS`` are benign phrases: a match that overlaps one is dropped.
"""

from __future__ import annotations

# Lemmas the lookup table gets wrong for our purpose ("dying" -> "dye").
NORM_OVERRIDES: dict[str, str] = {
    "dying": "die",
    "died": "die",
    "dies": "die",
    "dead": "dead",
    "ded": "dead",
    "wanted": "want",
    "wants": "want",
    "wanting": "want",
    "ending": "end",
    "ended": "end",
    "ends": "end",
    "killing": "kill",
    "killed": "kill",
    "kills": "kill",
    "hurting": "hurt",
    "hurts": "hurt",
    "harming": "harm",
    "harmed": "harm",
    "cutting": "cut",
    "burnt": "burn",
    "burned": "burn",
    "burning": "burn",
    "taking": "take",
    "took": "take",
    "taken": "take",
    "hanging": "hang",
    "hanged": "hang",
    "hung": "hang",
    "wished": "wish",
    "wishing": "wish",
    "thoughts": "thought",
    "thinking": "think",
}

MACROS: dict[str, list[str]] = {
    # who the "self" is in reflexive phrases; other_refl marks another person
    "refl": ["myself", "herself", "himself", "themselves", "themself"],
    "poss": ["my", "her", "his", "their"],
    "subj": ["i", "she", "he", "we", "they"],
}

# --------------------------------------------------------------------------
# Token rules (spaCy Matcher over LOWER and NORM=lemma)
# --------------------------------------------------------------------------
TOKEN_RULES: list[tuple[str, str, str | None, list[str]]] = [
    # ---- C1 suicidal thoughts: explicit wish to die / kill oneself
    (
        "c1.want_die",
        "C1",
        None,
        [
            "~want|~wish|~hope|~pray|~plan|~try|~decide|~go|~ready|~mean to ~die",
            "rather ~die",
            "how to ~die",
            "ways to ~die",
            "~want to be dead",
            "rather be dead",
            "~wish @subj was|were dead",
            "~wish @subj would|had ~die",
            "@subj would|could be better off dead",
            "~want to just? be dead",
            "just be dead",
        ],
    ),
    (
        "c1.kill_self",
        "C1",
        None,
        [
            "~kill|~hang|~end|~drown|~shoot|~poison @refl",
        ],
    ),
    (
        "c1.end_life",
        "C1",
        None,
        [
            "~end|~take @poss own? life|lives",
            "~end it all",
            "~end everything",
            "~want to ~end it",
            "just ~end it",
            "~think about|of ~end it",
        ],
    ),
    (
        "c1.not_live",
        "C1",
        None,
        [
            "not ~want to live|exist|continue",
            "not ~want to carry|keep|go on|going",
            "not ~want to wake up",
            "not ~think i can ~keep|~go|~carry going|on",
            "not ~want to be alive|here|around",
            "~want to stop existing|living",
            "~stop existing",
            "~wish @subj did not exist",
            "not existing",
            "rather not be alive|here|around|exist",
            "never be|been born",
            "no reason to live|carry|keep",
            "not worth living",
            "tired|sick of living|life",
            "tired|sick of being alive|here",
            "~have enough of life|living|everything",
            "done with life|living",
            "~give up on life|living|everything",
            "out of this life|world",
            "~leave this world",
            "not be here|around anymore|any",
            "not being here|around",
            "should just? not be here|around|alive",
            "not going to be around much? longer",
            "point of|in living|life",
            "point of|in being alive|here",
            "no point going|carrying on",
            "no point living",
            "can not go|carry|keep on|going",
            "can not keep going|living",
            "can not see a way out",
            "no way out",
        ],
    ),
    (
        "c1.not_wake",
        "C1",
        None,
        [
            "never wake up",
            "do not wake up",
            "not to wake up",
            "to not wake up",
            "and not wake up",
            "~sleep|asleep forever",
            "to sleep and not|never wake",
        ],
    ),
    (
        "c1.be_gone",
        "C1",
        None,
        [
            "~disappear|~vanish|away forever|permanently",
            "~disappear|~vanish|away for good",
            "~sleep|asleep forever",
            "~stop|~end for good|forever|permanently",
            "~want to be gone",
            "be gone for good|forever",
            "~want it all? over",
            "~want it all to ~end|~stop",
            "~want everything to ~end|~stop",
            "if i was|were gone|dead",
            "if i was|were not around|here|alive",
            "after i am gone",
            "better off without me|her|him",
            "better|happier|easier without me|her|him",
            "better off if i|she|he was|were|had|not",
            "without me in it",
            "~miss|~notice me? if i was|were|died|~die|am|not",
            "care if i died|~die|was",
        ],
    ),
    # ---- C2 self-harm
    (
        "c2.harm_self",
        "C2",
        None,
        [
            "~cut|~harm|~hurt|~burn|~punch|~hit|~scratch|~starve|~bruise|~bite @refl",
            "~make myself|herself|himself bleed",
            "~cut again",
            "~cut my|her|his wrists|arms|legs|thighs",
        ],
    ),
]

# --------------------------------------------------------------------------
# Regex rules (on the normalised text)
# --------------------------------------------------------------------------
# A child named by age ("my 18 month old", "her 3-week-old") counts as a baby (round 7).
_CHILD_AGE = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)[ -]?(?:weeks?|wks?|months?|mths?|years?|yrs?)[ -]old"
# Baby words of the north of England and Scotland (round 12), in each baby list.
_BABY_DIALECT = r"bairns?|weans?|wee one"
_BABY = (
    r"(?:(?:the|my|our|this|her|his) )?(?:baby|babies|bubs|"
    + _BABY_DIALECT
    + r"|newborn|son|daughter|little one|child|kid|kids|toddler|boy|girl|twins|triplets|him|her|them|"
    + _CHILD_AGE
    + ")"
)
_BABYN = (
    r"(?:(?:the|my|our|this|her|his|their|my friend's|the neighbour's) )?(?:baby|babies|bubs|"
    + _BABY_DIALECT
    + r"|newborn|son|daughter|little one|child|kid|kids|toddler|children|twins|triplets|"
    + _CHILD_AGE
    + ")"
)
_HARM = (
    r"(?:hurt\w*|harm\w*|drop(?:ped|ping|s)?|drown\w*|stab\w*|throw\w*|threw|smother\w*|"
    r"suffocat\w*|shak(?:e|es|ing)|shook|squeez\w*|kill\w*|strangl\w*|chok\w*|"
    r"sacrific\w*|poison\w*|snap \w+ neck|hit|hits|hitting|slap\w*|smack\w*|punch\w*|"
    r"kick\w*|batter\w*|beat|beats|beating|grab\w*|abus\w*)"
)
_ABUSER = (
    r"(?:he|partner|husband|hubby|boyfriend|bf|fella|ex|fianc[eé]e?|other half|wife|"
    r"girlfriend|gf|dad|father|stepdad|mum|mother|they|someone|him)"
)
_PILLS = (
    r"(?:pills?|tablets?|meds|medication|medicine|antidepressants?|sertraline|fluoxetine|"
    r"citalopram|mirtazapine|paracetamol|co-?codamol|codeine|ibuprofen|tramadol|"
    r"diazepam|insulin|sleeping pills|painkillers?|pain killers?)"
)

REGEX_RULES: list[tuple[str, str, str | None, str]] = [
    # ---- C1 text speak, misspellings (mapped in normalise), Welsh, method talk
    ("c1.kms", "C1", None, r"(?<![\d.] )(?<!\d)\b(?P<core>kms|kys|ctb|unaliv\w*)\b"),
    ("c1.suicide_word", "C1", None, r"\b(?P<core>suicid\w*)"),
    # "better off dead" said with no subject ("better off dead honestly") or as "I'm
    # better off dead": the parent speaks of themselves; with another subject the
    # @subj phrases and C3 intent decide.
    (
        "c1.better_off_dead_bare",
        "C1",
        None,
        r"(?:^|[.!?,;]\s*|\b(?:feel|feeling|think|thinking|know|reckon)\s+(?:like\s+|that\s+)?)"
        r"(?:(?:honestly|tbh|just|really|probably|prob|maybe|so|and|but)\s+)*"
        r"(?:i'?m\s+|i am\s+|i'?d be\s+|i would be\s+)?(?P<core>better off dead)\b",
    ),
    (
        "c1.welsh",
        "C1",
        None,
        r"\b(?P<core>(?:eisiau|isio|ishe|isie|moyn|eisie) marw|(?:l|)ladd fy hun|hunanladdiad|"
        r"ddim (?:eisiau|isio|ishe|moyn) byw|gwell heb(?:dda i| fi))\b",
    ),
    (
        "c1.method",
        "C1",
        None,
        r"\b(?P<core>(?:driv\w*|drove|swerv\w*|crash\w*|walk\w*|jump\w*|throw\w* myself) "
        r"(?:my car )?(?:into|off|in front of|under|from) (?:a|the)? ?"
        r"(?:wall|lorry|truck|tree|traffic|sea|river|bridge|train|car|bus|cliff|roof|building|canal))",
    ),
    (
        "c1.bridge",
        "C1",
        None,
        r"\b(?:bridge|cliff|edge|roof|platform)\b[^.?!]{0,30}\b(?P<core>think\w* about (?:jump\w*|it))",
    ),
    (
        "c1.preparation",
        "C1",
        None,
        r"\b(?P<core>stockpil\w*|sav(?:ing|ed) up|hoard\w*|collect\w*) (?:all )?(?:my |of )?"
        + _PILLS
        + r"|\b(?P<core2>bought|got|have) a rope\b"
        + r"|\b(?:notes?|letters?) (?:for|to) (?:my|the) (?:family|kids|children|partner|husband|wife)\b"
        + r"|\bsaid my goodbyes\b|\bsaying goodbyes?(?: to (?:everyone|everybody|people|my family|the kids|my kids|my children|all)|\s*$|\s*[.,!?])"
        + r"|\bgiv(?:ing|en) (?:my|her|his|all my|all her) (?:things|stuff|belongings) away\b"
        + r"|\bhow many (?:tablets|pills|paracetamol) (?:it )?(?:would|will|does|to) (?:it )?take\b"
        + r"|\bhow i would do it\b|\btonight is the night\b",
    ),
    (
        "c1.dead_wish",
        "C1",
        None,
        r"\b(?P<core>wish(?:ed)? i (?:would|had) (?:died|not survived))|\bwish i was ded\b",
    ),
    # ---- C2 self-harm
    ("c2.self_harm_word", "C2", None, r"\b(?P<core>self[- ]?harm\w*|self[- ]?injur\w*|hunan[- ]?niweid\w*)"),
    (
        "c2.sh",
        "C2",
        None,
        r"\b(?:been|relapsed? on|i|did|do|doing|started|urges? to) (?P<core>sh)\b(?! sh)|"
        r"\b(?P<core2>sh)(?: (?:again|urges?|relapse|scars?|marks?)|'d|'ing)\b",
    ),
    (
        "c2.cutting",
        "C2",
        None,
        r"\b(?P<core>(?:been|started|keep|kept|back to|relapsed?\w*) cutting)(?= again|\s*$|\s*[.,!?]| since| for| because| when| at night| every)"
        r"|^(?P<core2>cutting again)\b|\b(?P<core3>(?:want|need|urge|urges) to cut)\b(?! (?:out|down|back|the|his|her|my|a|some|it|up|off|food|dairy))",
    ),
    (
        "c2.blade",
        "C2",
        None,
        r"\b(?P<core>(?:using|use|used) (?:a|the|my) (?:blade|razor)s?)\b(?! to shave)|\brazor on (?:my|her|him)self\b",
    ),
    (
        "c2.marks",
        "C2",
        None,
        r"\b(?:fresh |new )?(?:cuts|scars|marks|burns) on (?:my|her|his|my \w+'s) (?P<core>arms?|thighs?|legs?|wrists?|stomach|body)\b"
        r"|\bwhat i do to my (?:arms|legs|body)\b|\bdoing (?:it|this) to (?:her|him)self\b",
    ),
    (
        "c2.pain",
        "C2",
        None,
        r"\b(?P<core>pain to feel (?:something|anything|better|alive|real)|deserve to (?:be hurt|feel pain|suffer)"
        r"|(?:until|till) (?:they|it|i) (?:bleed|bled)|bang\w* my head (?:against|on) the wall"
        r"|(?:burn\w*|cut|hit|scratch\w*|bruis\w*|hurt) (?:my|myself|me)\b[^.?!]{0,20}on purpose)",
    ),
    # ---- C3 harm to the baby (detail decided from context by the detector)
    ("c3.harm_baby", "C3", "harm", r"\b(?P<core>" + _HARM + r") " + _BABY + r"\b"),
    (
        "c3.put_in",
        "C3",
        "harm",
        r"\b(?P<core>put\w*) "
        + _BABY
        + r" in (?:the|a) (?:oven|freezer|microwave|bath|washing machine|bin)\b",
    ),
    (
        "c3.baby_dies",
        "C3",
        "harm",
        r"\b(?:images?|pictures?|thoughts?|visions?|flashes) (?:of|about) "
        + _BABYN
        + r" (?P<core>drown\w*|dying|dead|falling|getting hurt|being hurt)\b"
        r"|\b(?P<core2>violent|horrible|awful|scary|intrusive) (?:images?|pictures?|thoughts?|thots?) (?:about|of) (?:harming |hurting |dropping )?"
        + _BABYN
        + r"\b",
    ),
    (
        "c3.intent",
        "C3",
        "intent",
        r"\b(?P<core>"
        + _BABYN
        + r" (?:would|will) be better off dead|"
        + _BABYN
        + r" (?:needs?|has|must|have) to (?:die|go)"
        r"|"
        + _BABYN
        + r" (?:must|should) (?:be destroyed|die)|get rid of "
        + _BABYN
        + r"|want "
        + _BABYN
        + r" dead|"
        + _BABYN
        + r" is evil and must)",
    ),
    (
        "c3.intrusive_kind",
        "C3",
        "intrusive",
        r"\b(?P<core>intrusive (?:thoughts?|thots?)) (?:about|of) (?:harming|hurting|dropping|drowning)\b",
    ),
    # ---- C4 postpartum psychosis signs
    (
        "c4.voices",
        "C4",
        None,
        r"\b(?P<core>hear\w* (?:a )?voices?)\b(?! (?:in|from|downstairs|upstairs|next door|outside|through)\b)"
        r"|\b(?P<core2>voices?) (?:keep |keeps |are |is )?(?:tell\w*|told|say\w*|said)\b"
        r"|\bvoices? (?:that )?(?:no ?one|nobody) else\b|\b(?:something|god|a voice)(?: inside me)? (?:is |keeps )?tell(?:s|ing) me\b",
    ),
    (
        "c4.not_there",
        "C4",
        None,
        r"\b(?:seeing|see|saw|hear|hearing|people|things|someone|shadows)\b[^.?!]{0,40}\b(?P<core>(?:are|is|were|was) not (?:really )?there)\b",
    ),
    ("c4.hallucination", "C4", None, r"\b(?P<core>hallucinat\w*|delusion\w*)"),
    (
        "c4.psychosis",
        "C4",
        None,
        r"\b(?:i|she|he|wife|partner|sister|daughter|girlfriend|friend)\b[^.?!]{0,25}\b(?:having|have|has|got|developed|might have|may have|could have|diagnosed with)\b"
        r"[^.?!]{0,12}\b(?P<core>(?:postpartum |postnatal |puerperal |post partum )?psychos[ie]s|psychotic)\b",
    ),
    (
        "c4.swapped",
        "C4",
        None,
        r"\b(?:baby|he|she|him|her|son|daughter)\b[^.?!]{0,20}\b(?P<core>(?:has been|have been|was|been|got|were|is being) (?:swapped|switched|replaced))\b"
        r"|\b(?P<core2>(?:swapped|switched|replaced)) (?:him|her|the baby|my baby|our baby)\b(?! (?:onto|to|on|over|from|into|for|with))"
        r"|\b(?P<core3>(?:not|is not) (?:really )?my (?:real )?baby|baby (?:is not|isn't) (?:mine|real)|imposter|impostor)\b"
        # round 13: a person replaced by a fake or an actor ("the real one got taken", "not really my husband")
        r"|\b(?P<core4>the real (?:one|him|her|midwife|nurse|health visitor|doctor|mum|mam|mother|dad|husband|partner|wife|sister|baby) (?:got|was|has been|have been|had been|is being|been) (?:taken|replaced|swapped|switched|kidnapped|hidden|killed)"
        r"|(?:is|was|are|were) (?:not|never) (?:really |actually )?(?:the real|my real|really my|actually my) (?:husband|partner|wife|mum|mam|mother|dad|midwife|health visitor|sister|family)"
        r"|(?:an? )?(?:actors?|actress|lookalikes?|doubles?|copy|copies|clones?|fakes?) (?:pretending|playing|posing|dressed up) (?:to be|as) (?:my|the|our|her|his))\b",
    ),
    (
        "c4.messages",
        "C4",
        None,
        r"\b(?:tv|television|radio|telly|clock|numbers|adverts?|songs?|computer|news)\b[^.?!]{0,30}\b(?P<core>sending me|talking to me|messages for me|speaking to me|secret messages|signs for me|messages about)\b",
    ),
    (
        "c4.grandiose",
        "C4",
        None,
        r"\b(?P<core>mission from god|i (?:have|am on) a (?:special |secret )?mission|special powers|super ?powers?|invincible|god (?:has )?chosen|chosen by god|special purpose)\b"
        r"|\b(?<!like )(?:baby|he|she|son|daughter|it) (?:is|was) (?P<core2>possessed|evil|the devil|the messiah|the antichrist|not human)\b"
        r"|\b(?P<core3>know\w* things about the future|see the future)\b",
    ),
    (
        "c4.paranoia",
        "C4",
        None,
        r"\b(?P<core>plotting against|spying on (?:us|me|her)|being poisoned|poisoning (?:me|us|her)|watching (?:me|us|her) through"
        r"|being controlled by|putting thoughts (?:in|into) (?:my|her) head|read(?:ing)? my (?:mind|thoughts))\b",
    ),
    (
        "c4.behaviour",
        "C4",
        None,
        r"\b(?P<core>talking nonsense|saying (?:strange|weird|odd|bizarre) things|(?:acting|behaving) (?:really |very |so )?(?:strange|strangely|weird|weirdly|odd|oddly|out of character)"
        r"|(?:gone|going|is|seems|become) manic|(?:she|he|wife|partner|girlfriend|sister|daughter|husband) (?:is )?not making (?:any )?sense)\b",
    ),
    # ---- C5 domestic abuse, coercive control
    (
        "c5.violence",
        "C5",
        None,
        r"\b(?P<agent>"
        + _ABUSER
        + r")\b[^.?!,]{0,20}?\b(?P<core>(?:hits?|hitting|beats?|beat|beating|battered|slap\w*|kick\w*|punch\w*|push\w*|shov\w*|"
        r"strangl\w*|chok\w*|grab\w*|hurts?|hurting|bit|bites|hurt) (?:me|her)(?: up)?)\b(?! (?:in|on) the (?:face|head) with (?:a|her|his) (?:rattle|toy|spoon|book|cup))",
    ),
    (
        "c5.threat",
        "C5",
        None,
        r"\b(?P<core>(?:kill|hurt) (?:me|her) if (?:i|she) (?:leave|go|tell|left)|threat\w* (?:me|her|to take|to kill|to hurt|to share|to leave|that)"
        r"|thr(?:ew|ows|own|owing) (?:a|the|his|my)? ?\w+ at (?:me|her)|locks? (?:me|her) (?:in|out)|smash\w* my phone"
        r"|calls? me (?:worthless|useless|stupid|fat|ugly|a slag)|no one would believe me|if i tell anyone|walking on eggshells"
        r"|isolat\w* me|(?:gets|get|got|becomes|is) violent|get away from him|escape from him|leave him safely|bruises? (?:from|because of) (?:him|my partner|my husband))\b",
    ),
    (
        "c5.control",
        "C5",
        None,
        r"\b(?:he|partner|husband|boyfriend|bf|fella|ex|they)\b[^.?!]{0,12}\b(?P<core>(?:checks|reads|goes through|monitors|tracks|controls|takes|take|took|check|read) (?:my|all my|all the|all of my) (?:phone|messages|texts|money|bank card|card|location|emails|finances))\b"
        r"|\b(?P<core2>tracks where i go|controls? (?:everything|all) (?:i do|i say)|(?:will not|does not|never|would not) let (?:me|her) (?:out|leave|go out|go anywhere|see|have (?:my|her) own money|have any money|talk to|work)"
        r"|i am not allowed (?:out|to go out|to leave|to see|to have))\b(?! of (?:his|her|their) sight)",
    ),
    (
        "c5.abuse_word",
        "C5",
        None,
        r"\b(?P<core>domestic (?:abuse|violence)|abusive|abuser|coercive control|(?:i am|i have been|she is|she has been) (?:being )?abused|being abused|abuses me)\b",
    ),
    (
        "c5.fear",
        "C5",
        None,
        r"\b(?P<core>(?:scared|afraid|frightened|terrified) (?:of (?:my (?:partner|husband|boyfriend|ex|fella|bf|wife|girlfriend)|what he (?:will|would|might) do)|to go home))\b",
    ),
    (
        "c5.images",
        "C5",
        None,
        r"\b(?P<core>(?:share|post|send)\w* (?:my |her )?(?:intimate|nude|naked|private|sexual) (?:pictures|photos|pics|images|videos))\b",
    ),
    ("c5.welsh", "C5", None, r"\b(?P<core>fy nharo|yn fy mwrw|cam-drin domestig)\b"),
    # ---- C6 a child at risk (harm by someone else is resolved from c3.harm_baby)
    (
        "c6.signs",
        "C6",
        None,
        r"\b(?P<core>bruis\w* (?:that )?(?:i|we) (?:can not|cannot|could not) explain|unexplained (?:bruis|burn|mark)\w*"
        r"|(?:burn|bruise|mark)s? that (?:my|his|her) \w+ (?:will not|won't|can not|does not) explain|left (?:alone|screaming) (?:in|at|for|all)"
        r"|(?:hand|pillow) over (?:the|my|her|his) baby's (?:mouth|face)|(?:rough|violent) with (?:the|my|our) (?:baby|son|daughter|toddler)"
        r"|throws? things at (?:the|my|our) baby|hurt (?:him|her) and left marks)\b"
        r"|\b(?:baby|son|daughter|child|kid|toddler|children)\b[^.?!]{0,15}\b(?P<core2>(?:being|been|is|was) (?:abused|neglected|harmed|in danger))\b"
        r"|\b(?P<core3>someone is (?:hurting|abusing) (?:my|our) (?:child|baby|son|daughter|kids))\b",
    ),
    # ---- C7 overdose or medical emergency
    (
        "c7.overdose",
        "C7",
        None,
        r"\b(?P<core>overdos\w*|od'd|od-ed|(?:an|took|taken|take|had|have|just|massive) od)\b",
    ),
    (
        "c7.pills",
        "C7",
        None,
        r"\b(?P<core>(?:taken|took|take|swallowed|swallow|had|downed|necked|eaten|ate)) (?:all|the whole|a whole|whole|loads of|lots of|a load of|a lot of|a handful of|handfuls of|a bottle of|a box of|a pack of|a packet of|too many|[1-9]\d+|every one of)"
        r"(?: [\w'-]+){0,3}? " + _PILLS + r"\b"
        r"|\btook too many\b|\btaken something(?: to)?\b|\b(?P<core2>took|taken|take|swallowed) (?:all|the whole|loads|a load) of (?:my|her|his) (?:\w+ )?"
        + _PILLS,
    ),
    (
        "c7.poison",
        "C7",
        None,
        r"\b(?P<core>(?:drunk|drank|swallowed|swallow|drink|ate|eaten) (?:some |a bottle of )?(?:bleach|antifreeze|weed ?killer|poison|a (?:button )?battery|batteries|magnets?))\b",
    ),
    (
        "c7.bleeding",
        "C7",
        None,
        r"\b(?P<core>(?:will not|wont|can not|cannot) stop (?:the )?bleeding|(?:there is|there's|is|losing|i am losing) (?:a lot of|so much|loads of) blood"
        r"|bleeding (?:a lot|heavily|loads|so much)|cut (?:too )?deep|cut (?:my|her|his) wrists?)\b",
    ),
    (
        "c7.baby_emergency",
        "C7",
        None,
        r"\b(?P<core>(?:is not|not|stopped|has stopped) breathing|(?:gone|turned|turning|going) blue|floppy|unresponsive|(?:having|had|has) (?:a )?(?:fit|seizure|convulsion)s?)\b",
    ),
    # ---- C8 sexual violence
    (
        "c8.rape",
        "C8",
        None,
        r"\b(?P<core>rap(?:e|ed|es|ing|ist)|sexual(?:ly)? (?:assault\w*|abus\w*|attack\w*)|assault\w* me sexually|molest\w*)\b",
    ),
    (
        "c8.forced",
        "C8",
        None,
        r"\b(?P<core>forc\w* (?:me|her)\b(?! to (?!have sex|do sexual|sleep with|do things))|forc\w* (?:him|her)sel(?:f|ves) on|made (?:me|her) have sex|mak\w* (?:me|her) do sexual"
        r"|(?:sex|sexual) (?:with me )?(?:when|after|even though) (?:i|she) said no|had sex with (?:me|her) while (?:i|she) was (?:asleep|sleeping|drunk|unconscious)"
        r"|pressur\w* (?:me|her) into sex|(?:did not|didn't|never) consent|without (?:my|her) consent"
        r"|(?:does not|will not|would not|never|did not) (?:take|accept) no(?: for an answer)? (?:in bed|when it comes to sex|and has sex|and (?:forces|makes))"
        r"|touch\w* me when i (?:do not|don't) want|(?:will not|won't|wont) stop touching me|has sex with me anyway)\b",
    ),
    # ---- C9 the user is a child
    (
        "c9.age",
        "C9",
        None,
        r"\b(?P<core>i am (?:only |just |a |an )?(?:[0-9]|1[0-7]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen))\b"
        r"(?!(?: and a half)? ?(?:weeks?|months?|days?|minutes?|mins?|hours?|hrs?|miles?|km|k|%|stone|kg|lbs?|pounds?|\d|:|\.\d|,\d|pp|postpartum))(?! (?:year|yr)s? old (?:baby|son|daughter))",
    ),
    (
        "c9.school",
        "C9",
        None,
        r"\b(?P<core>i am in year (?:[5-9]|1[01])|i am (?:still )?at school|still at school|i am an? (?:teenager|teen|kid|child|minor|schoolgirl|schoolboy)|i am underage|underage and|(?:(?:have not|not) )?(?:done|doing|sitting|sat|finished) my gcses?)\b",
    ),
]

# Benign phrases: a candidate match overlapping one of these is dropped.
EXCLUSIONS: list[tuple[str, str]] = [
    ("idiom.dying_for", r"\bdying (?:for|to|of)\b"),
    # round 9: a relative or friend lost to suicide is a bereavement, not the writer's own risk
    (
        "bereaved.suicide",
        r"\b(?:lost|losing) (?:\w+ ){0,3}to suicide\b|\b(?:died|dead) (?:by|from|of|through) suicide\b|\b(?:marw|farw) (?:drwy|trwy|o) hunanladdiad\b|\bcolli (?:\w+ ){0,3}(?:i|drwy|trwy) hunanladdiad\b|\b(?:sôn|son) am hunanladdiad\b",
    ),
    # round 9: "nearly killed myself laughing" in Welsh; "half killed myself" getting the buggy in
    (
        "idiom.welsh_half_killed",
        r"\b(?:(?:lladd|ladd) fy hun(?:an)? (?:yn )?chwerthin|hanner (?:lladd|ladd)(?: fy hun)?|bu bron (?:i )?(?:fi|mi) (?:ladd|lladd) fy hun(?: yn)? (?:chwerthin|trio|rhedeg|cario))\b",
    ),
    # round 9: pushed out of things, going on one's own, a simile, a mother-in-law one could cheerfully strangle
    (
        "idiom.pushed_out",
        r"\bpush(?:ed|ing|es)? (?:me|us|him|her) out\b(?! of (?:the|a|his|her|my) (?:car|window|door|house|flat|bed|van))",
    ),
    ("idiom.on_my_own", r"\bgo(?:ing)? on (?:my|me|our|her|his|their) own\b"),
    # round 10: wearing oneself out ("killing myself doing the washing by hand"), a self-inflicted setback,
    # a stage one wants over ("i just want it over so he can sit up")
    (
        "idiom.killing_myself_doing",
        r"\bkilling (?:myself|meself|my self) (?=(?:\w+ing|trying)\b)(?!(?:thinking|wanting)\b)",
    ),
    (
        "idiom.wake_late",
        r"\b(?:not|never) wake (?:up )?(?=(?:late|early|in time|on time|too early|too late)\b)",
    ),
    ("idiom.foot", r"\b(?:shot|shoot|shooting) (?:myself|meself|me) in the foot\b"),
    # round 13: exasperation at oneself for a slip ("i could shoot myself for forgetting the nappy bag")
    (
        "idiom.kill_myself_for",
        r"\b(?:could|will|am going to|am gonna|i am gonna|i will) (?:actually |literally |honestly )?(?:kill|shoot|kick|slap|strangle|throttle) (?:myself|meself) for (?=(?:\w+ing|being so|not \w+ing)\b)(?!(?:everything|being (?:alive|here|born))\b)",
    ),
    # round 11: a threat about a partner's habits ("i'll kill him if he buys another toy")
    (
        "idiom.kill_him_if",
        r"\bi (?:will|am going to|am gonna|could|would|shall) (?:actually |literally |genuinely )?(?:kill|murder|strangle|throttle|swing for) (?:him|her|them)\b(?= if (?:he|she|they) (?:\w+ ){0,2}(?:buys|buy|leaves|leave|forgets|forget|eats|eat|says|say|brings|bring|wakes|wake|moves|move|breaks|break|loses|lose|is late|snores|snore|plays|play|orders|order|puts|put))",
    ),
    (
        "idiom.stage_over",
        r"\b(?:want|wanting|wish|need) (?:it|this|this (?:bit|stage|phase|part|week)|the (?:newborn|baby|teething|colic|sleep regression|fourth trimester) (?:bit|stage|phase|days|weeks)) (?:all )?over (?:so|until|and done|with)\b",
    ),
    (
        "idiom.simile_harm",
        r"\b(?:like|as if|as though) (?:i|i am|i have|i had|i would|i ve|ive|im|a'm|am) (?:just )?(?:poisoned|poisoning|choking|choked|strangling|strangled|murdered|murdering|tortured|torturing|drowning|drowned) (?:her|him|them|it)\b",
    ),
    # round 13: a look or a tantrum described as if the parent were harming ("looks at the bottle like i'm trying to poison her")
    (
        "idiom.as_if_trying_to",
        r"\b(?:looks?|looked|looking|stares?|stared|staring|glares?|glared|glaring|acts?|acted|acting|reacts?|reacted|reacting|screams?|screamed|screaming|cries|cried|crying|carries on|carried on|behaves?|behaved|behaving)"
        r"(?: at (?:me|it|us|them|the \w+|her \w+|his \w+))? (?:like|as if|as though) (?:i|i am|im|i was|we are|we were) (?:trying to|about to) (?:poison|kill|murder|torture|starve|drown|strangle|choke|hurt)\w*\b",
    ),
    (
        "idiom.could_cheerfully",
        r"\bcould (?:cheerfully|happily|quite happily|gladly) (?:strangle|kill|murder|throttle|swing for|punch)\b",
    ),
    # round 8: looking back on pain or fear ("the first poo after the birth, thought i was going to die")
    (
        "idiom.thought_i_would_die",
        r"\b(?:thought|honestly thought|genuinely thought|swore) i (?:was|were) (?:going to|gonna|about to) die\b",
    ),
    (
        "idiom.hitting_me",
        r"\b(?:it|it is|it all|it has all|everything|grief|reality|the loss|the tiredness|exhaustion) (?:is )?(?:all |just |really |finally )*hitting me\b",
    ),
    # a question whether a medicine could harm the baby
    (
        "benign.medicine_harm",
        r"\b(?:could|can|will|would|does|do|might|may) (?:it|they|this|that|these|those|the (?:\w+ ){0,2}|my (?:tablets|medication|meds|pills|antidepressants|inhaler)|"
        + _PILLS
        + r")(?: \w+){0,3} harm (?:the|my|a|your|her|his|an) (?:\w+ )?(?:baby|bump|foetus|fetus|child|supply|milk)\b",
    ),
    ("idiom.kill_for", r"\bkill (?:for|a)\b|\bkill\w* time\b|\bkill\w* (?:my|her|him)sel(?:f|ves) laugh\w*"),
    ("idiom.dead_tired", r"\bdead (?:tired|on my feet|beat)\b"),
    (
        "idiom.smother_kisses",
        r"\bsmother\w* (?:her|him|them|the baby) (?:in|with) (?:kisses|love|cuddles|affection)",
    ),
    (
        "benign.drop_off",
        r"\bdrop\w* (?:her|him|them|(?:the|my) (?:baby|son|daughter|kids?)) off\b(?! (?:the|a) (?:balcony|bridge|stairs|cliff|roof|window|edge))",
    ),
    (
        "benign.toddler_agent",
        r"\b(?:toddler|baby|son|daughter|little one|kid|brother|sister|cousin) (?:hits?|hit|bit|bites|slapped|slaps|kicks?|kicked|pushe?s?d?|grabbed)\b",
    ),
    ("benign.head_bump", r"\bhit (?:her|his) head\b"),
    (
        "benign.babyproofing",
        r"\bknife (?:block|drawer|rack)s?\b(?=[^\n]*\b(?:babyproof\w*|baby ?proof\w*|childproof\w*|child ?proof\w*|cupboard locks?|safety locks?|reach)\b)"
        r"|\b(?:babyproof\w*|baby ?proof\w*|childproof\w*|child ?proof\w*|cupboard locks?|safety locks?)\b[^\n]{0,60}\bknife (?:block|drawer|rack)s?\b",
    ),
    ("benign.sight", r"\blet me out of (?:his|her|their) sight\b"),
    # Round 5 (from round 3's set once a regression set): idioms and everyday care.
    (
        "idiom.rather_die_than",
        r"\brather die than (?!(?:live|go on|carry on|keep going|be here|feel|wake|face|do this|spend|be alive|exist|get up|hurt|harm|do anything to|do something to|touch)\b)",
    ),
    (
        "idiom.life_in_hands",
        r"\b(?:took|take|taking|takes) (?:my|your|our|her|his) li(?:fe|ves) in (?:my|your|our|her|his|their) (?:own )?hands\b",
    ),
    (
        "benign.cut_food",
        r"\bcut(?:ting|s)? (?:up )?(?:the |his |her |their |my |your )?(?:grapes|food|toast|sandwich\w*|fruit|apples?|bananas?|blueberries|tomatoes|sausages?|meat|chicken|pizza|nails|fingernails|toenails|hair|fringe|cake|veg\w*|cheese|pasta)\b",
    ),
    (
        "benign.child_hurts_self",
        r"\b(?:before|in case|so|until) (?:he|she|they|the baby|the toddler) (?:hurts?|injures?|harms?) (?:him|her|them)sel(?:f|ves)\b",
    ),
    (
        "benign.awareness",
        r"\b(?:training|awareness|documentary|course|article|programme|podcast|policy|work in|leaflet)\b[^.?!]{0,30}\bdomestic (?:abuse|violence)|domestic (?:abuse|violence) (?:awareness|training|course|documentary|charity|policy)",
    ),
    ("benign.substance", r"\b(?:alcohol|drug|substance) abuse\b"),
    ("benign.lost_blood", r"\blost a lot of blood\b"),
    ("benign.past_fit", r"\bhave a fit when\b"),
    ("benign.worry_breathing", r"\b(?:check|checking|checks) (?:she|he|they) (?:is|are) breathing"),
    ("benign.sleep_week", r"\bsleep for a (?:week|day|month|year)\b"),
    ("benign.shake_toy", r"\bshaker\b"),
    ("benign.end_it_with", r"\bend it with\b|\blife back\b"),
    (
        "benign.cant_go_on",
        r"\bcan not go on (?:the|a|an|holiday|holidays|with|to|at|my|our|his|her|medication|antidepressants|that)\b",
    ),
    (
        "benign.accident",
        r"\b(?:cut|burnt|burned|hurt|scratched|bit) (?:my|her|him)self (?:on the|shaving|cooking|chopping|by accident|accidentally|while|lifting|opening)\b",
    ),
    (
        "idiom.die_of",
        r"\b(?:die|died|dying|dead) (?:of|from|with|laughing) (?:embarrassment|laughter|laughing|shame|cringe|boredom|happiness|cuteness|jealousy)|\bdie laughing\b|\bdied laughing\b",
    ),
    (
        "idiom.welsh_marw_o",
        r"\b(?:marw|farw) (?:o|isio|eisiau|am) (?:gywilydd|chwerthin|ddiflastod|syched|isio|eisiau|paned|banad|eisiau bwyd|chwant)|\b(?:bron|jyst) (?:â|a) (?:marw|farw)\b",
    ),
    (
        "idiom.social_suicide",
        r"\b(?:social|career|fashion|political) suicide\b|\bsuicide (?:mission|run|dash)\b",
    ),
    (
        "idiom.overdosed_on_food",
        r"\b(?:overdos\w*|od'?d|od) (?:on|of) (?!(?:my |her |his |the |all |some |her |those )?(?:pills|tablets|meds|medication|medicine|paracetamol|insulin|sertraline|codeine|antidepressants|drugs|heroin|diazepam|tramadol|painkillers)\b)\w+",
    ),
    (
        "benign.procedure_hurt",
        r"\b(?:does|will|would|did) (?:it|that|the(?: \w+){1,2}) hurt (?:them|him|her|the baby|my baby)\b|\bwithout hurting (?:the baby|him|her|my baby)\b",
    ),
    (
        "benign.throw_party",
        r"\bthrow\w* (?:the baby|her|him|them|my (?:son|daughter)) a (?:party|tea|birthday|bash|shower)\b",
    ),
    ("benign.swim_drop", r"\bdrop\w* (?:the baby|her|him) (?:in|into) the (?:water|pool)\b"),
    ("benign.siblings", r"\bthe (?:big|older|little|younger) one (?:hit|hits|pushed|bit|kicked)\b"),
    (
        "benign.drop_at",
        r"\bdrop\w* (?:him|her|them|(?:the|my) (?:baby|son|daughter|kids?)) (?:at|to|round|home|with)\b",
    ),
    (
        "benign.bite_feeding",
        r"\bbit me\b[^.?!]{0,30}\b(?:feed\w*|latch\w*|nurs\w*|tooth|teeth|teething)\b|\b(?:feed\w*|latch\w*|tooth|teeth|teething)\b[^.?!]{0,30}\bbit me\b",
    ),
    ("benign.keep_on_top", r"\bkeep (?:on )?top of\b"),
    (
        "benign.go_on_medication",
        r"\b(?:go|going|went|be|been|come|came) (?:on|off) (?:the )?(?:tablets|meds|medication|antidepressants|sertraline|the pill|pills)\b",
    ),
    (
        "benign.years_well",
        r"\bi am \d+ (?:years?|yrs?|months?|weeks?) (?:well|clean|sober|free|since|into|on|off|of|out)\b",
    ),
    ("benign.breathing_nose", r"\bnot breathing (?:properly )?through (?:his|her) nose\b"),
]

# Everyday exaggerations that the intent classifier alone may mistake for risk. When the lexicon
# finds no risk and one of these is present, a classifier-only "crisis" is set aside
# (SAFETY.md: "this teething is killing me" must not get crisis numbers).
DIET_IDIOMS: list[tuple[str, str]] = [
    (
        "idiom.killing_me",
        r"\b(?:is|are|s|it|its|they|these|this|that|he|she|you) (?:\w+ )?killing me\b(?! (?:and|so) i want)",
    ),
    ("idiom.murder_a", r"\b(?:could|would) (?:murder|kill) (?:a|an|for|some)\b"),
    ("idiom.little_monster", r"\blittle (?:monster|terror|devil)\b"),
    ("idiom.dying_for", r"\bdying (?:for|to|of) (?:a|an|some|my|the|get|have|go|sleep|know|see|try)\b"),
    ("idiom.dead_tired", r"\b(?:dead (?:tired|on my feet|beat)|dead to the world)\b"),
    ("idiom.drives_me_mad", r"\b(?:drives|driving) me (?:mad|crazy|up the wall|round the bend)\b"),
]

# Whole-message completions: a lone "end it" is a disclosure even when the NLU
# component never saw the previous message.
STANDALONE: dict[str, str] = {
    "end it": "C1",
    "end it all": "C1",
    "ending it": "C1",
    "not wake up": "C1",
    "never wake up": "C1",
    "be gone": "C1",
    "die": "C1",
    "to die": "C1",
    "kill myself": "C1",
    "marw": "C1",
    "not be here": "C1",
    "not be here anymore": "C1",
    "disappear forever": "C1",
    "unalive": "C1",
    "unalive myself": "C1",
    "sh": "C2",
    "od": "C7",
}

# ---- context words used by the detector
NEGATION_CUES = {"not", "never", "no", "nt"}
HEDGE_AFTER_NEGATION = {
    "sure",
    "know",
    "think",
    "care",
    "one",
    "ok",
    "okay",
    "fine",
    "coping",
    "see",
    "point",
    "stop",
    "reason",
}
FEAR_MARKERS = (
    r"\b(?:ofn|dychryn|meddyliau|lluniau|poeni|scared|afraid|terrified|terrifies|terrify|frightened|frightens|frighten|worry|worried|worries"
    r"|what if|in case|thoughts?|thots|pictures?|picture|images?|imagin\w*|flashes|horrif\w*|hate it"
    r"|seeing myself|in my head|the thought|scary|intrusive|unwanted|urge to)\b"
)
INTENT_MARKERS = (
    r"\b(?:act on (?:it|them)|mean it|actually (?:do|hurt|harm)|could actually|might actually"
    r"|stop myself|voices?|tell\w* me|told (?:me|i have)|have to (?:hurt|harm|kill)|going to|will"
    r"|want to|want|wants)\b"
)
STRONG_INTENT_MARKERS = (
    r"\b(?:isio gwneud|eisiau gwneud|moyn gwneud|lleisiau|llais|act on (?:it|them)|mean it|actually (?:do|hurt|harm)|could actually|might actually"
    r"|stop myself|voices?|tell\w* (?:me|her)|told (?:me|i have|i)|have to (?:hurt|harm|kill)|want to|wants to"
    r"|sacrific\w*|better off dead)\b"
)
# Subjects of a harm-to-baby phrase (C6 = someone other than the writer)
OTHER_AGENTS = {
    "mhartner",
    "gŵr",
    "gwr",
    "cariad",
    "fo",
    "fe",
    "nain",
    "taid",
    "mam-gu",
    "tad-cu",  # Welsh
    "he",
    "they",
    "someone",
    "partner",
    "husband",
    "boyfriend",
    "bf",
    "fella",
    "ex",
    "dad",
    "father",
    "stepdad",
    "mum",
    "mother",
    "nan",
    "grandad",
    "them",
    "neighbour",
    "childminder",
    "hubby",
    "fiance",
    "man",
}
SELF_AGENTS = {"i", "me", "myself", "dwi", "fi", "nes", "wnes", "dw"}
# Markers that the writer is talking about another person
OTHER_PERSON = {
    "she",
    "he",
    "her",
    "his",
    "him",
    "herself",
    "himself",
    "they",
    "them",
    "themselves",
    "wife",
    "partner",
    "husband",
    "girlfriend",
    "boyfriend",
    "sister",
    "daughter",
    "friend",
    "mum",
    "mother",
    "brother",
    "son",
    "fiance",
    "fiancee",
    "missus",
    "bestie",
}
FIRST_PERSON = {"i", "me", "myself", "my", "mine", "we", "us", "our"}
# Relations that are usually the abuser in C5/C8, so not "someone else at risk"
ABUSER_WORDS = {
    "he",
    "him",
    "his",
    "partner",
    "husband",
    "boyfriend",
    "bf",
    "fella",
    "ex",
    "they",
    "them",
    "himself",
    "fiance",
    "hubby",
}

# --------------------------------------------------------------------------
# Concepts (round 2). Each rule is a CONCEPT written from the categories and
# the gaps named in docs/safety/SAFETY.md, not from any test line:
#   means x readiness x time, being at a dangerous place now, arrangements
#   made, "I am not safe", acts already done to a baby, danger now from a
#   partner, psychosis and mania as a CLUSTER of signs, and Welsh with its
#   mutations (see ``welsh.py``).
# --------------------------------------------------------------------------
_MEANS = (
    r"(?:"
    + _PILLS[3:-1]
    + r"|rope|noose|ligature|belt|cord|flex|scarf|knife|knives|blade|blades|razor|razors"
    r"|gun|bleach|antifreeze|lighter fluid|hose ?pipe)"
)
_PLACE = (
    r"(?:bridge|flyover|viaduct|cliffs?|cliff edge|ledge|edge|roof|rooftop|top floor|top of the (?:car park|multi ?storey|building|stairs|block|tower)"
    r"|multi ?storey|car park roof|railway(?: line| track| tracks| bridge| crossing)?|train (?:line|tracks?)|tracks|level crossing|station platform|platform"
    r"|motorway|dual carriageway|main road|a ?\d{1,3}|m1|river|canal|reservoir|the sea|the lake|quarry|pier|harbour)"
)
_NOW = r"(?:now|right now|rn|at the moment|tonight|this evening|today|here|as we speak|as i type|as i write)"
# Doing something over and over or again ("i keep reopening", "i have been picking"): c2.reopened and PRESENT_RISK.
_KEEP_AT = r"(?:keep|kept|been|started|cannot stop|can not stop)"
_READY = (
    r"(?:lined up|laid out|set out|counted(?: out)?|ready|sorted|saved(?: up)?|stockpiled|stashed|hidden|hid|collected|gathered|bought"
    r"|got (?:them|it|enough)|in front of me|next to me|beside me|in my hand|in my hands|on the (?:table|side|bed|worktop|counter)|in my (?:bag|pocket|drawer))"
)
_SELF_AT = (
    r"(?:i am|i have been|been|sat|sitting|stood|standing|parked|waiting|walking|walked|drove|driven|came|gone|went|climbed|here) "
    r"(?:up |out |down )?(?:on|at|by|near|next to|on top of|on the edge of|over|onto|to|up|along|beside|under)"
)
_BABY_OBJ = (
    r"(?:(?:the|my|our|this) (?:baby|babies|bubs|"
    + _BABY_DIALECT
    + r"|newborn|son|daughter|little one|boy|girl)|him|her|them)"
)

CONCEPT_RULES: list[tuple[str, str, str | None, str]] = [
    # ---- "I am not safe" / "I can't keep myself safe" / "scared of what I'll do"
    (
        "c1.not_safe",
        "C1",
        None,
        r"\b(?P<core>(?:do not|not|never|no longer|can not) (?:feel |feeling )?safe (?:with|around|by|from) myself"
        r"|(?:do not|can not|not able to|no longer) trust myself(?! (?:with|to) (?:money|food|cake|choc|biscuits|decisions|cook|drive|remember))"
        r"|can not (?:keep|stay) (?:myself|me) safe|(?:struggling|hard|trying) to (?:keep|stay) (?:myself )?safe"
        r"|(?:i am|i feel|feeling|i have not felt) (?:really |very |so )?(?:not |un)safe(?: right now| tonight| at the moment| anymore| any more| on my own| alone| by myself| in my own head| with my thoughts)?(?=\s*$|\s*[.,!?]| and| but| i | right| tonight| anymore| please)"
        r"|(?:i do not|i no longer|i never) feel (?:very |really )?safe(?: right now| tonight| at the moment| anymore| any more| on my own| alone| by myself| in my own head| with my thoughts)?(?=\s*$|\s*[.,!?]| and| but| i | right| tonight| anymore| please)"
        r"|not safe (?:to be )?(?:on my own|alone|by myself|left alone|tonight|right now)"
        r"|(?:scared|afraid|frightened|terrified|worried) (?:of )?what i (?:will|might|could|would|am going to|may) do(?! to (?:the|my|our|her|him|them|baby|son|daughter|little)\b)"
        r"|need (?:someone|somebody|anyone) to (?:keep me safe|stop me|watch me|stay with me|take the (?:pills|tablets|knives))"
        r"|(?:please )?(?:keep me safe|stop me from (?:doing|hurting))"
        r"|(?:might|could|will|going to|about to) do something (?:stupid|silly|drastic|daft|i (?:will|would|can not) (?:regret|undo|take back)))\b",
    ),
    (
        "c5.not_safe_home",
        "C5",
        None,
        r"\b(?P<core>(?:do not|not|never) (?:feel |feeling )?safe (?:at home|in my (?:own )?(?:home|house)|in the house|with (?:him|my (?:partner|husband|boyfriend|ex))|around (?:him|my (?:partner|husband|boyfriend))))\b",
    ),
    # ---- means x readiness (possession, set out, saved) and arrangements
    (
        "c1.means_ready",
        "C1",
        None,
        r"\b(?P<core>" + _MEANS + r")\b[^.?!]{0,25}\b" + _READY + r"\b"
        r"|\b(?P<core2>"
        + _READY
        + r")\b[^.?!]{0,12}\b(?:all |enough |the |my |some |a )?"
        + _MEANS
        + r"\b(?=[^.?!]{0,40}\b(?:end|do it|over|goodbye|enough|done|finish|tonight|not wake|gone|sorry|can not|no one|nobody|better off|mean it))"
        r"|\benough (?:\w+ )?" + _PILLS + r" (?:to|that|so) (?:end|do it|not wake|kill|finish|make sure)"
        r"|\b(?:tied|hung|put|got) (?:a |the |my )?(?:rope|noose|belt|cord|ligature|scarf)\b[^.?!]{0,20}\b(?:up|round|around|over|to the|from the|in the (?:loft|garage|banister))"
        r"|\b(?P<core3>(?:engine|car) (?:is |was )?(?:running|on|ticking over)) (?:in|inside) the garage\b|\bhose ?pipe (?:to|on|from|into) the exhaust\b|\bexhaust fumes\b",
    ),
    (
        "c1.arrangements",
        "C1",
        None,
        r"\b(?P<core>(?:written|wrote|writing|left|leaving|finished) (?:a |my |the |some )?(?:goodbye |last )?(?:letters?|notes?|cards?) (?:to|for) (?:everyone|everybody|my|the (?:kids|children|baby|babies|family|boys|girls|twins)|her|him|them|each|all)\b"
        r"|(?:written|wrote|writing|left) (?:a |my )?(?:suicide|goodbye) (?:note|letter)|goodbye (?:letters?|notes?|messages?)"
        r"|(?:sorted|arranged|organised|planned|decided|worked out) (?:out )?(?:who|someone|somebody|where|which of)\b[^.?!]{0,30}\b(?:have|look after|take|raise|bring up|care for|get) (?:the baby|my baby|him|her|them|the kids|my kids|the children)\b[^.?!]{0,30}\b(?:when i am|after i am|once i am|if i am|without me|gone|not here|not around)"
        r"|(?:make|made|making) sure (?:the baby|baby|he|she|they|everyone|my (?:kids|children|family|partner|husband)) (?:will be|is|are|would be|gets?) (?:ok|okay|fine|looked after|taken care of|cared for|alright)\b[^.?!]{0,20}\b(?:when|after|once|without|if) (?:i am|i have|i|me)\b(?! (?:back|at work|in hospital|out|home|away for))"
        r"|(?:put|putting|got|getting) my (?:affairs|things|life) in order|(?:updated|wrote|writing|made|sorted) (?:my|a) will\b[^.?!]{0,40}\b(?:before|just in case|for when|gone|end)"
        r"|(?:said|saying|say) (?:my )?(?:last )?goodbyes?(?: to)? (?:to )?(?:the baby|my baby|him|her|everyone|my (?:kids|family|mum|partner|husband|wife)|them)"
        r"|this is (?:my|the) last (?:message|night|time|goodbye)|(?:last|final) (?:message|goodbye|night) (?:from me|here|before i))\b",
    ),
    # ---- at a dangerous place now (with a sign it is not a day out)
    (
        "c1.place_now",
        "C1",
        None,
        r"\b(?P<core>"
        + _SELF_AT
        + r" (?:the |a |this |that |some |our |my )?(?:top of |edge of |side of |end of )?(?:the |a )?"
        + _PLACE
        + r")\b"
        r"(?=[^\n]{0,120}\b(?:jump|end it|end this|do it|step off|step out|over the edge|looking down|the drop|the water|the trains?|lorr(?:y|ies)|traffic|cars|goodbye|sorry|can not do this|can not go on|no one|nobody|better off|not coming (?:back|home)|tonight|(?:it|that|this) would be (?:so |really |very )?(?:easy|quick)|just go|let go|walk out|in front of|thinking about it|all over)\b)"
        r"|\b(?P<core2>(?:looking|staring|looked) (?:down|over) (?:at|from|off) (?:the )?"
        + _PLACE
        + r")\b[^.?!]{0,60}\b(?:jump|end|easy|quick|drop|go)\b"
        r"|\b(?P<core3>(?:waiting|wait|waited) for (?:a |the )?(?:train|lorry|lorries|truck|bus|car) to (?:come|pass|go by|hit))\b",
    ),
    # ---- overdose: quantity taken, or effects after taking
    (
        "c7.taken_quantity",
        "C7",
        None,
        r"\b(?P<core>(?:taken|took|take|swallowed|necked|downed|had|eaten|ate|just had) (?:them all|all of them|the lot|the whole lot|the rest(?: of them)?|a load|loads|a handful|handfuls|the (?:whole )?(?:packet|pack|box|bottle|strip|blister)s?|every (?:last )?one|double|triple|way more than|more than (?:i|you) should|far too many|way too many|a lot more than|all my|all of my|all the|all her|all his)(?: of)?)"
        r"(?=[^.?!]{0,60}\b(?:"
        + _PILLS[3:-1]
        + r"|them|they|it|dose|doses|mg)\b)(?![^.?!]{0,10}\b(?:advice|time|day|night|love|help|photos|pictures|washing|food|dinner|toys|kids)\b)"
        r"|\b(?P<core2>(?:feel|feeling|getting|going|gone|am|i am|so|really) (?:very |really |so )?(?:drowsy|sleepy|woozy|dizzy|funny|weird|sick|numb|faint|spaced out|out of it))\b(?=[^.?!]{0,40}\b(?:after|since|from) (?:taking|i took|swallowing|the (?:pills|tablets|meds)|them|what i took))"
        r"|\b(?P<core3>how long (?:does it take|until|before|till) (?:an overdose|"
        + _PILLS[3:-1]
        + r") (?:to )?(?:work|kill|kick in|take effect|stop))",
    ),
    # ---- acts already done to a baby, or losing control with one
    (
        "c3.act_done",
        "C3",
        "act",
        r"\b(?P<core>i (?:just |have |had |accidentally on purpose |deliberately |purposely )?(?:shook|squeezed|slapped|smacked|pinched|shoved|yanked|threw|chucked|flung|hit|bit|kicked|punched|covered|held|pushed|grabbed|hurt|suffocated|smothered|shouted and shook|dropped)"
        r" "
        + _BABY_OBJ
        + r")\b(?! (?:off|up|to|into (?:the|my) (?:arms|cot|bed|car seat))\b)(?=[^.?!]{0,40}\b(?:on purpose|deliberately|hard|too hard|so hard|because|until|to make|to stop|shut up|stop crying|lost it|lost my temper|angry|rage|again|scared|frightened|did not mean|do not know why|what have i done|hate myself|ashamed|marks?|bruise|red)\b)"
        r"|\b(?P<core2>(?:too rough|really rough|so rough|rough) with "
        + _BABY_OBJ
        + r")(?! (?:and|when) (?:he|she) (?:laughs|giggles|loves))"
        r"|\b(?P<core3>(?:lost (?:it|control|my temper)|snapped|flipped) (?:with|at|and (?:shook|hit|squeezed|threw|shoved|grabbed)) "
        + _BABY_OBJ
        + r")\b(?=[^.?!]{0,40}\b(?:shook|shake|hit|squeez|threw|throw|grab|shov|rough|hurt|scared|frightened|marks?|bruise|physically|hands on)\w*)"
        r"|\b(?P<core4>(?:put|held|pressed) (?:my hand|a hand|a pillow|a blanket|my palm) (?:over|on) (?:his|her|the baby's|my baby's|its) (?:mouth|face|nose))\b"
        r"|\b(?P<core5>what i (?:might|will|could|would|am going to|may) do to " + _BABY_OBJ + r")\b",
    ),
    (
        "c6.carer_unfit",
        "C6",
        None,
        r"\b(?P<core>(?:drunk|wasted|smashed|off (?:his|her) face|high|stoned|on drugs|coked up|on something)\b[^.?!]{0,30}\b(?:looking after|in charge of|holding|alone with|left with|minding|babysitting|feeding|bathing) (?:the baby|my baby|our baby|the kids|my (?:son|daughter)|him|her))\b"
        r"|\b(?:looking after|in charge of|holding|alone with|left with|minding) (?:the baby|my baby|our baby|the kids)\b[^.?!]{0,20}\b(?P<core2>(?:drunk|wasted|off (?:his|her) face|high|stoned|on drugs))\b"
        r"|\b(?P<core3>(?:told|tells|made|makes) (?:me|us|my (?:son|daughter)) (?:to keep|not to tell|keep it|to not tell|not tell anyone|to say (?:she|he) fell))\b"
        r"|\b(?:bruises?|marks?|burns?|finger ?marks)\b[^.?!]{0,40}\b(?P<core4>(?:no idea how|can not explain|could not explain|will not say|would not say|will not tell|says? (?:she|he) (?:fell|rolled)|keeps? saying (?:she|he) fell|claims|blamed it on))\b",
    ),
    # ---- danger now from a partner; needing to leave
    (
        "c5.danger_now",
        "C5",
        None,
        r"\b(?P<core>(?:he is|he has|he will be|partner is|husband is|boyfriend is|ex is|he) (?:outside|at the door|banging on|kicking (?:the|at)|trying to (?:get in|break in|kick)|on his way|coming (?:back|home|round|over|for me)|back (?:home|again)|downstairs|in the house|parked outside))\b"
        r"(?=[^\n]{0,120}\b(?:scared|terrified|frightened|afraid|hiding|hide|locked|lock|threat\w*|kill|hurt|drunk|angry|raging|furious|smash\w*|help|police|999|knife|safe|run|escape|panic\w*|shaking)\b)"
        r"|\b(?P<core3>(?:hiding|hid|locked myself|locked us|barricaded (?:myself|us)|shut myself|in the (?:bathroom|bedroom|toilet) with the (?:baby|door locked))\b[^.?!]{0,40}\b(?:from him|he is|he has|he will|he keeps|him)\b)"
        r"|\b(?P<core4>(?:he|partner|husband|boyfriend|ex) (?:has |had )?(?:taken|took|hidden|hid|smashed|broke|snatched|grabbed|locked away) my (?:phone|keys|car keys|purse|bank cards?|passport|money))\b"
        r"|\b(?P<core5>(?:said|says|told me|threatened|swore|screamed|shouted) (?:that )?(?:he|she) (?:will|would|is going to|was going to|is gonna|will fucking) (?:kill|hurt|stab|strangle|burn|end) (?:me|us|the baby|my baby|her|him))\b"
        r"|\b(?P<core6>nowhere (?:safe )?to go|no where (?:safe )?to go|need (?:a|to go to a) refuge|refuge (?:tonight|space|place)|safe place to (?:go|stay) (?:tonight|with the baby))\b"
        r"|\b(?:he|partner|husband|boyfriend|bf|ex|fella|hubby)\b[^.?!]{0,20}\b(?P<core7>(?:strangled|choked|throttled|pinned|dragged|head-?butted|spat on) me|(?:put|had|got) (?:his|both) hands (?:round|around|on) my (?:neck|throat)|held me down)\b",
    ),
    (
        "c5.leave_now",
        "C5",
        None,
        r"\b(?P<core>(?:need|have|got|want|trying) to (?:leave|get out|get away|escape|run|go)(?: him| the house| with the (?:baby|kids))?(?: right)? (?:tonight|now|right now|today|before he))\b",
    ),
    # ---- self-harm started again
    (
        "c2.again",
        "C2",
        None,
        r"\b(?P<core>(?:used to|started|back to|gone back to|went back to|relapsed and) (?:cut|cutting|self harm\w*|harm\w* myself|hurt\w* myself|burn\w* myself))\b"
        r"(?! (?:out|down|back|the|his|her|my|a|some|it|up|off|food|dairy|hair|grass|wood|paper|carbs|sugar)\b)",
    ),
    # ---- sexual violence: sex with a sign of no consent
    (
        "c8.no_consent",
        "C8",
        None,
        r"\b(?P<core>(?:sex|slept with me|sleep with (?:him|me)|did it|have it|intercourse|touched me|on top of me)\b[^.?!]{0,60}\b(?:said no|told him no|did not want|begged him to stop|asked him to stop|would not stop|did not stop|while i (?:was )?(?:asleep|sleeping|crying|bleeding|drunk|out of it)|i was crying|held me down|pinned me|made me|forced|stitches|not healed|even though i|i (?:just )?froze|did not agree|without (?:my )?(?:consent|asking|permission))\b)"
        r"|\b(?P<core2>(?:said no|told him no|did not want (?:to|it)|begged him to stop|asked him to stop)\b[^.?!]{0,60}\b(?:sex|slept with|did it anyway|carried on|went ahead|kept going|on top of me))\b"
        r"|\b(?P<core3>(?:kept going|carried on|did not stop|would not stop) (?:when|after|even though|even when|while) i (?:said|told (?:him|her|them)|was saying|kept saying|begged) (?:(?:him|her|them) )?(?:to )?(?:stop|no))\b",
    ),
    # ---- the user is a child
    (
        "c9.age_pregnant",
        "C9",
        None,
        r"\b(?P<core>(?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) ?(?:yo|y/?o|yrs? old|years? old)?(?: and| &|,)? (?:pregnant|preg|preggers|expecting|up the duff|a mum|a mom|a dad|have a baby|got a baby|had a baby|with a baby))\b"
        r"|\b(?P<core2>i am (?:in )?(?:year|yr|yeat) (?:[5-9]|1[0-3]))\b"
        r"|\b(?P<core3>(?:my|me) (?:mum|mam|mom|dad|parents|foster carers?|nan) (?:does not|do not|will not|would|will|is going to) (?:know|kill me|find out|go mad|kick me out)\b[^.?!]{0,40}\b(?:pregnant|baby|preg))\b"
        r"|\b(?P<core4>(?:at|in|still at) (?:school|sixth form|college) (?:and|&|but) (?:i am |im )?(?:pregnant|preg|have a baby|had a baby))\b",
    ),
]

# ---- Round 3 concepts: signals that were missing as ideas (found from the
# round-1 blind set, now a regression set; each rule is a concept written in
# general words, never a copied line). Rules named in GENTLE_RULES give the
# gentle check with the numbers, not the full reply: they often, but not
# always, mean risk (someone on a bridge now may be crossing it).
_DANGER_PLACE = (
    r"(?:bridge|footbridge|flyover|viaduct|cliffs?|cliff ?top|cliff edge|multi ?storey(?: car park)?|car park roof|rooftop|roof of (?:the|a|my)"
    r"|railway(?: line| track| tracks| bridge| crossing| embankment)?|train (?:line|tracks?)|tracks|level crossing|quarry|weir|tower block"
    r"|top (?:floor |level |deck )?of (?:the |a )?(?:car park|multi ?storey|building|tower|block|flats))"
)
# A sign that being at such a place is an outing, a journey or a joke.
_OUTING = (
    r"(?:with (?:the |my |our |his |her )?(?:baby|babies|kids|children|little one|pram|buggy|dog|family|mum|mam|dad|nan|partner|husband|wife|girls|boys|toddler|son|daughter|friends?)"
    r"|pram|buggy|day out|days out|ducks|picnic|walking the dog|dog walk|train (?:to|home|back)|bus (?:to|home)|on (?:the|my|our) way|stuck|traffic|queue|delayed|cancelled"
    r"|we|us|our|amazing|stunning|path|railway station|watching the trains|son's|daughter's|\d+ ?(?:yr|year|month)s? old|sling|lol|haha\w*|trip|holiday|views?|photos?|pictures?|sunset|ice ?cream|chips|fishing|paddl\w*|swim\w*|sightseeing|lovely|beautiful|gorgeous|nice|fun|school run|nursery|shopping|parking)"
)
_PLACE_LEAD = (
    r"(?:(?:i am|i have been|been|sat|sitting|stood|standing|waiting|walking|heading|here)(?: up| out| down| back)? |^|[.,!?] )"
    r"(?:on|at|by|near|next to|on top of|on the edge of|over|onto|to|along|beside|under|up at|out at|down at|down by)"
)
CONCEPT_RULES_ROUND3: list[tuple[str, str, str | None, str]] = [
    (
        "c1.place_bare",
        "C1",
        None,
        r"^(?![^\n]*\b"
        + _OUTING
        + r"\b)[^\n]*?(?P<core>"
        + _PLACE_LEAD
        + r" (?:the |a |this |that )?(?:top of |edge of |side of |end of )?(?:the |a )?"
        + _DANGER_PLACE
        + r")\b"
        r"|\b(?P<core2>(?:standing|stood|sat|sitting|am) (?:at|on|by) the edge)\b(?=[^.?!]{0,20}\b(?:now|rn|tonight|right now|looking down)\b)",
    ),
    (
        "c1.jump",
        "C1",
        None,
        r"\b(?P<core>(?:i am|i will|i might|i want to|i just want to|going to|about to|ready to|i could) jump)(?=\s*(?:$|[.,!?]|off\b|from\b|tonight\b|now\b|rn\b|in front\b))",
    ),
    (
        "c1.not_here",
        "C1",
        None,
        r"\b(?P<core>(?:will not|might not|may not|am not going to|probably will not|do not think i will|not going to) be (?:here|around|alive)"
        r"(?: \w+){0,2} (?:in the morning|tomorrow|by (?:the )?(?:morning|tomorrow|weekend|time)|much longer|for (?:much )?longer|for long|next week|this time next|to see (?:her|him|them|the baby|my baby)))\b",
    ),
    (
        "c1.dying_thoughts",
        "C1",
        None,
        r"\b(?P<core>(?:thoughts|thinking|think|keep thinking) (?:about|of) (?:dying|death|being dead|not being here|not existing|ending (?:it|things|my life))"
        r"|(?:imagin\w*|picturing|picture|planning|plan) my (?:own )?funeral"
        r"|(?:who|whether|if) (?:anyone|someone|anybody|they|he|she) (?:would|will|might) find (?:me|my body)"
        r"|(?:want|wish|long|wanting|wishing) (?:to|i could) (?:not exist|stop existing|disappear for good|disappear forever|be gone for good))\b",
    ),
    (
        "c1.better_off_dead_other",
        "C1",
        None,
        r"\b(?P<core>(?:(?:she|he|they) (?:would|will|had|d)|shed|hed|theyd) be better off dead|(?:she|he) (?:wants|wanted) to die|(?:she|he) (?:is|has been) (?:talking|saying|said) (?:about )?(?:killing (?:herself|himself)|ending it|wanting to die))\b",
    ),
    (
        "c1.not_safe_more",
        "C1",
        None,
        r"\b(?P<core>(?:do not|not|never|no longer) (?:feel |feeling )?safe (?:in|inside) (?:my (?:own )?(?:head|mind|body|skin)|myself)"
        r"|can not be trusted (?:on my own|alone|by myself|with myself|right now|tonight)"
        r"|(?:talk|talking) me (?:down|round|out of it)|help me (?:to )?(?:stay|keep|be) safe"
        r"|(?:do not|can not|could not|will not) (?:know|say|tell|promise) what i (?:will|might|would|could) do to myself)\b"
        r"|^(?P<core2>(?:i am )?(?:not|un) ?safe)(?=\s*(?:$|[.,!]|please|help|tonight|rn|right now|at all))",
    ),
    (
        "c2.fresh_cuts",
        "C2",
        None,
        r"\b(?P<core>(?:fresh|new) (?:cuts?|ones|wounds?|scars?|burns?)(?= (?:on|over|across|up|down|next to)| now|\s*$|[.,])"
        r"|(?:bought|got|ordered|buying|found|hidden|hid|stashed) (?:some |new |more |a pack of |fresh |a )*(?:razor )?blades\b(?! (?:for|to) (?:my|his|her|shav\w*|legs|the))"
        r"|(?:picked|picking|scratched|scratching|pulled|pulling|bit|biting|pinched|scraped|scraping|hit|hitting|punched|punching|burnt|burning) (?:at )?(?:my|myself|me)\b[^.?!]{0,40}\b(?:on purpose|deliberately|till it bled|until it bled|till (?:it|they) (?:opened|bled|broke)|until (?:it|they) (?:opened|bled|broke))"
        r"|(?:pull\w*|rip\w*|tear\w*) (?:out )?(?:clumps of |chunks of )?(?:my|her|his) (?:own )?hair(?: out)?\b(?=[^\n]{0,60}\b(?:can not stop|on purpose|bald|bleed|bled|again|clumps|chunks))"
        r"|(?:pull\w*|rip\w*|tear\w*) out (?:my|her|his) (?:own )?hair in (?:clumps|chunks|handfuls))",
    ),
    (
        "c7.taken_number",
        "C7",
        None,
        r"\b(?P<core>(?:taken|took|had|swallowed|necked|downed|injected|used|taking) (?:all (?:of )?(?:my|the|her|his) (?:insulin|tablets|pills|meds|medication|prescription)"
        r"|(?:a bunch|a few boxes|a few packets|loads|boxes|packets)(?: of)?\b(?=[^.?!]{0,30}\b(?:"
        + _PILLS[3:-1]
        + r"))"
        r"|(?:extra |more |like |about |over |around |at least )*(?:[2-9]\d|1\d|\d{3}|twenty|thirty|forty|fifty|(?:\d|two|three|four|five) (?:boxes|packets|packs|strips|bottles))\b(?=[^.?!]{0,25}\b(?:"
        + _PILLS[3:-1]
        + r"|of (?:them|my|her|his))))"
        r"|(?:taking|took|had|swallowing) (?:extra|more) (?:\w+ )?(?:tablets|pills|meds|painkillers)\b[^.?!]{0,25}\b(?:all day|to see what happens|on purpose|one after (?:another|the other)))\b",
    ),
    (
        "c7.bleeding_after_birth",
        "C7",
        None,
        r"\b(?P<core>(?:soak\w*|soaked|filling|filled|fill|gone through|going through|through) (?:a |my |the |\w+ )?(?:pads?|maternity pads?|towels?)\b[^.?!]{0,30}\b(?:minutes|mins|hour|an hour|faint|dizzy|clots?)"
        r"|(?:bleeding|losing blood) (?:really |so |very )?(?:heavily|heavy|loads|a lot|badly)\b(?=[^\n]{0,60}\b(?:birth|section|labour|born|delivery|faint|dizzy|clots?|pads?))"
        r"|(?:huge|massive|big|golf ball|fist) (?:sized )?clots?)\b",
    ),
    (
        "c3.act_done_more",
        "C3",
        "act",
        r"\b(?P<core>(?:pushed|held|pressed|shoved|forced|squashed|squeezed) (?:his|her|the baby's|my baby's|baby's) (?:head|face|mouth|nose|neck|arm|leg) (?:down|into|against|under|in|hard|too hard|so hard)"
        r"|held (?:the|his|her) (?:dummy|bottle|blanket|muslin|pillow|hand) (?:in |over |on |against )?(?:his |her )?(?:\w+ )?(?:really |so |too )?hard"
        r"|(?:put|left|laid|turned|lay) (?:him|her|the baby|my baby) face ?down\b(?=[^.?!]{0,50}\b(?:so|to make|shut up|stop|walked off|walked away|on purpose|left (?:him|her)|knew)\b)"
        r"|(?:threw|chucked|lobbed|flung|hurled|launched) (?:the|a|my|his|her) \w+ at (?:him|her|the baby|my baby|my son|my daughter))\b",
    ),
    (
        "c4.single_sign",
        "C4",
        None,
        r"\b(?P<core>i (?:think|know|believe|am sure|am convinced) (?:that )?i (?:am|was) (?:actually |already |really )?dead|i am (?:actually|already) dead(?! (?:tired|nervous|excited|on my feet|inside|to the world|beat))"
        r"|i (?:died|must have died) (?:in|during|giving) (?:labour|birth|the birth|childbirth)"
        r"|(?:hear|read|know|knows|reads|hears) (?:what )?(?:people|everyone|they|other people|others|their|people's|everyone's) (?:are )?(?:thinking|minds|thoughts)"
        r"|(?:can|could) (?:hear|read) (?:people's|peoples|their|everyone's|other people's) (?:thoughts|minds))\b",
    ),
    (
        "c5.kicked_hit",
        "C5",
        None,
        r"\b(?:he|partner|husband|boyfriend|bf|ex|fella|hubby|wife|girlfriend)\b (?:has |had |just |then )?(?P<core>(?:kicked|punched|hit|slapped|headbutted|stamped on) me (?:in|on) (?:the|my) (?:stomach|belly|bump|tummy|face|head|back|ribs)|(?:kicked|punched|hit|slapped) my (?:bump|belly|stomach)(?! (?:by accident|accidentally)))\b",
    ),
    (
        "c1.welsh_place_now",
        "C1",
        None,
        r"\b(?P<core>(?:ar|wrth|ger|ar ben|ar ymyl|ar bwys|yn ymyl) (?:y |yr |'r )?(?:bont|pont|rheilffordd|rheilffyrdd|cledrau|clogwyn|glogwyn|dibyn|to'r)\b)(?![^\n]*\b(?:efo'r babi|gyda'r babi|am dro|pram|bygi|hwyaid|picnic|trip|gwyliau|tren i|bws i|lol|haha)\b)(?=[^\n]{0,60}\b(?:rwan|rŵan|nawr|heno|jyst|digon|neidio|ffarwel|sori|dim pwynt)\b)"
        r"|\b(?P<core2>(?:cerdded|gerdded|camu|gamu|neidio) (?:i mewn )?(?:i'r|o flaen y|o flaen) (?:afon|môr|mor|llyn|dŵr|dwr|trên|tren|traffig|lori|car))\b(?![^\n]*\b(?:efo'r babi|gyda'r babi|haf|nofio|lol|haha)\b)"
        r"|\b(?P<core3>(?:fydda i|fyddai|bydda i|fydda i byth|na fydda i|fyddwn i) ddim (?:yma|o gwmpas)(?: \w+)? (?:wythnos nesa|wythnos nesaf|fory|yfory|bore fory|yn y bore|llawer hirach))\b",
    ),
    (
        "c5.welsh_kicked",
        "C5",
        None,
        r"\b(?P<core>(?:cic|gic|nghicio|cicio|giciodd|ciciodd|dyrnu|ddyrnu|slap|clatsien) (?:\w+ ){0,3}(?:yn |ar |i )?fy (?:mol|mola|mhen|wyneb|ngwddf|asennau|mron|nghefn))\b",
    ),
    (
        "c6.welsh_child",
        "C6",
        None,
        r"\b(?:babi|mabi|plentyn|un bach|bachgen|merch|nith|nai)\b[^.?!]{0,25}\b(?P<core>(?:cael ei |ei )?(?:ysgwyd|hysgwyd|tharo|daro|cleisio|gleisio|nghleisio|llosgi|losgi)\b)"
        r"|\b(?P<core2>(?:gadael|adael|gadel|adel) (?:[\w']+ ){0,2}(?:ar ben ei hun|ar ei ben ei hun|ar ei phen ei hun|ar ben eu hunain|ar eu pennau eu hunain))\b(?=[^\n]{0,60}\b(?:yfed|meddw|nos|oriau|drwy'r nos|drw'r nos|ddyddiau)\b)",
    ),
    (
        "c7.welsh_bleeding",
        "C7",
        None,
        r"\b(?P<core>(?:gwaedu|waedu|ngwaedu|colli gwaed)(?:'n| yn) (?:drwm|ofnadwy|lot|llawer|gormod))\b",
    ),
    (
        "c9.welsh_year",
        "C9",
        None,
        r"\b(?P<core>(?:blwyddyn|flwyddyn|mlwyddyn) (?:[7-9]|1[0-3]))\b(?=[^\n]{0,60}\b(?:feichiog|beichiog|disgwyl babi|prawf positif|positive|babi|preg\w*)\b)",
    ),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND3

# Round 4 (2026-12-01): concepts found from round 2's blind set after it became
# a regression set (its misses were read, never copied; the unit tests and the
# training lines for them were written separately). GENTLE_RULES below lists
# the ones that give the gentle check with the numbers.
_TEEN = r"(?:1[3-7]|thirteen|fourteen|fifteen|sixteen|seventeen)"
CONCEPT_RULES_ROUND4: list[tuple[str, str, str | None, str]] = [
    (
        "c1.existing",
        "C1",
        None,
        r"\b(?P<core>(?:tired|sick|done|exhausted|weary) of (?:existing|being alive|living|being here|breathing|life itself)"
        r"|want (?:to get )?out\b[^.?!]{0,30}\b(?:for good|permanently|forever|for ever)"
        r"|(?:nobody|no one|noone|no body) (?:would|will|is going to|would even) (?:miss|notice|care if|care when) (?:me|i)\b"
        r"|(?:not sure|do not know if|do not know whether|unsure if|unsure whether) i (?:even )?(?:want to|wanna|can) (?:survive|live through|be alive|keep living|stay alive|carry on living)"
        r"|(?:can not|do not|can not even) (?:see|picture|imagine) (?:a|any) future (?:where|with|that has) (?:i am|me|myself) (?:still )?(?:here|alive|in it))\b",
    ),
    (
        "c1.will_to_live",
        "C1",
        None,
        r"\b(?P<core>(?:lost|losing|lose|have no|got no) (?:the |my |all )?will to live)\b(?=[^\n]{0,60}\b(?:literally|really|mean it|for real|honestly|seriously|not like|not joking|properly|actually)\b)"
        r"|\b(?P<core2>(?:should|ought to) (?:have been|be) (?:me|the one) (?:who|that) (?:died|went|was taken))\b",
    ),
    (
        "c1.be_with",
        "C1",
        None,
        r"\b(?P<core>(?:go|going to go|want to go|wanna go|will go|i will|i could|i can|going to) (?:and |to )?be with (?:him|her|them|my baby|my son|my daughter|my angel|my angels|my mum|my dad|my nan|my grandad|my babies)(?: again| now| soon| up there| in heaven)?)\b",
    ),
    (
        "c1.height_question",
        "C1",
        None,
        r"\b(?P<core>how (?:high|tall|far up) (?:does|do|would|should|must|is|has) (?:a |the |that |this )?(?:bridge|building|car park|cliff|drop|balcony|window|fall)(?: need to be| have to be| to be| be| enough)?)\b(?![^\n]*\b(?:stair ?gate|cot|pram|baby gate|window lock|restrictor|toddler|climb\w*|kids?|children)\b)",
    ),
    (
        "c1.means_prep",
        "C1",
        None,
        r"^(?![^\n]*\b(?:bbq|barbecue|barbeque|garden|lawn|plants|wash\w*|water\w*|fill\w*|paddling pool|bike|camping|climbing|boat|swing|tyre|art|craft)\b)[^\n]*?\b(?P<core>"
        r"(?:bought|got|tied|made|ordered|have|hidden|hid|put|keep|kept|packed) (?:a |the |some |my |me a |myself a )?(?:hose ?pipe|hose|charcoal|noose|ligature)"
        r"|(?:hose ?pipe|hose|charcoal|noose|rope|ligature) (?:is|are) (?:in the (?:boot|car|garage|shed)|ready|set up|tied|up)"
        r"|stockpil\w* (?:my |the |some |all )?(?:\w+ )?(?:pills|tablets|meds|medication|prescriptions?|painkillers|sleeping pills|insulin)"
        r"|(?:bought|got) (?:\w+ ){0,3}(?:charcoal|a hose)\b[^.?!]{0,30}\b(?:tape|you know what for|know why))\b",
    ),
    (
        "c1.arrangements_more",
        "C1",
        None,
        r"\b(?P<core>(?:asked|ask|asking) (?:my |our |a |her |his )?(?:\w+ ){0,2}(?:to be|if (?:she|he|they) would be|if (?:she|he|they) will be) (?:his|her|their|the baby's|my baby's|the kids') (?:legal )?guardian"
        r"|(?:wrote|written|write|writing|left|leaving) (?:down |out )?(?:all )?(?:of )?(?:his|her|their|the baby's|my baby's|the) (?:routines?|passwords?|feeds and naps|bank details|pin numbers)\b[^.?!]{0,80}\b(?:for|to) (?:my |her |his )?(?:partner|husband|wife|oh|dh|him|mum|sister)"
        r"|(?:made|wrote|written|writing|sorted|updated|did) (?:a |my |out my )?will\b[^\n]{0,80}\b(?:who (?:will |would |gets |has |takes )|guardian|have (?:the baby|him|her)|look after (?:the baby|him|her))"
        r"|(?:sorted|arranged|decided|organised|organized|worked out|planned|figured out|made sure of) (?:out )?who(?: will|ll|'ll| would|d| is going to| gets to| can)? (?:have|take|look after|raise|bring up|care for|get) (?:the baby|my baby|him|her|them|the kids|my kids|the children|lo)\b(?![^\n]*\b(?:wedding|holiday|work|shift|appointment|night out|weekend|while (?:i|we)|when (?:i|we) go|birth|labour|hospital|section|induction|funeral|party|hen|stag|course|exam|interview|operation|surgery)\b))",
    ),
    (
        "c1.not_safe_clause",
        "C1",
        None,
        r"(?:^|[,.;!?\n] ?)(?P<core>(?:i am |and |but |still |so |feeling |i feel |i do not feel |really |just )?(?:not|un) ?safe)(?= ?(?:[,.;!?\n]|$|what|please|help|tonight|rn|right now|at all|anymore|any more))"
        r"|\b(?P<core2>(?:a|such a|becoming a|turning into a) danger to (?:myself|me|my own life)"
        r"|(?:do not|never|no longer) feel safe (?:around|with|near|next to) (?:the |my |all the |our )?(?:knives|knife|pills|tablets|meds|medication|razors?|blades?|myself|my own (?:thoughts|head))"
        r"|(?:could|might|will|am going to) do something (?:stupid|silly|drastic|bad|i regret|i can not take back) (?:tonight|to myself|rn|right now|today)"
        r"|(?:could|might) do anything tonight\b[^.?!]{0,30}\b(?:not in a good way|to myself|scared|scares me|frightens me))\b",
    ),
    (
        "c2.hidden_harm",
        "C2",
        None,
        r"\b(?P<core>(?:hide|hiding|hid|cover|covering|covered) (?:up )?(?:my |the |these |fresh |new )?(?:cuts|wounds|burns|fresh marks|new marks)(?! from (?:the |my )?(?:c ?section|section|birth|surgery|operation))"
        r"|(?:stick|stuck|sticking|push\w*|jab\w*|put|putting) (?:a |the |some )?(?:pins?|needles?|a compass|drawing pins?) (?:in|into|under) (?:my (?!eyes?\b)|me\b)"
        r"|(?:really |so |very )?deep scratch\w*|scratch\w* (?:myself|my skin|my arms?|my legs?|my wrists?|my thighs?|at myself)? ?(?:with|using) (?:my |a |the )?(?:keys?|scissors|pins?|a compass|glass|blades?|razors?|nails till)"
        r"|(?:do not|never) deserve (?:to eat|food|a meal|dinner|breakfast|to have food)|starv\w* myself (?:as|for|because)\b)\b",
    ),
    (
        "c7.days_worth",
        "C7",
        None,
        r"\b(?P<core>(?:took|taken|swallowed|had|necked|downed|taking) (?:\w+ ){0,2}(?:days?|weeks?|months?)(?:'s|s)? ?(?:worth|supply|of (?:my )?(?:pills|tablets|meds|medication))"
        r"|(?:drank|drunk|drink|swallowed|necked|downed) (?:a |the |half a |most of a |all of (?:a |the |my )?)?(?:whole )?bottle of (?:calpol|medicine|cough (?:medicine|syrup|mixture)|oramorph|morphine|methadone|liquid paracetamol|nurofen|piriton|sleeping (?:syrup|medicine)|my (?:\w+ )?medicine))\b",
    ),
    (
        "c7.medical_signs",
        "C7",
        None,
        r"^(?![^\n]*\b(?:laugh\w*|lol|lmao|haha\w*|funny|giggl\w*|heat|hot in here|hay ?fever|blocked nose|stuffy|cold|cough|snot\w*|excited|excitement|nervous|anxious|anxiety|panic\w*|stress\w*|crying)\b)[^\n]*?\b(?P<core>"
        r"(?:my |her |his |the |baby's )?(?:throat|tongue|lips?|face|mouth) (?:is |are |keeps |feels )?(?:swelling|swollen|closing|going tight|tightening)(?: up)?"
        r"|(?:can not|cannot|could not|struggling to|hard to|barely|hardly|can hardly|can barely) (?:breathe|breath|get (?:my |a )?breath)\b(?: properly)?"
        r"|(?:chest pains?|pain in my chest|my chest (?:hurts|is tight|feels tight|is so tight))\b(?=[^\n]{0,60}\b(?:breath|breathe|breathing|birth|section|born|weeks?|days?|leg|calf|cough\w* blood)\b)"
        r"|pupils (?:look |are |seem )?(?:different|uneven|odd|not the same)"
        r"|(?:skin is|it is|its|skin) (?:peeling|blistering|coming off)|blistered (?:skin|chest|arm|hand|leg|face)"
        r"|(?:a |big )?dent in (?:his|her|the baby's) (?:head|skull)"
        r"|(?:so much|loads of|a lot of|lots of) blood\b(?=[^\n]{0,60}\b(?:miscarr\w*|pregnan\w*|birth|pads?|toilet|floor|bed|alone|weeks)\b))",
    ),
    (
        "c5.control_more",
        "C5",
        None,
        r"\b(?P<core>(?:have|had|got|need) to ask (?:his |him |her |for )?(?:for )?permission (?:to|before i) (?:see|go|leave|visit|spend|use|ring|call|meet|eat|buy|have)"
        r"|(?:dragged|pulled|yanked|threw|thrown) me (?:\w+ ){0,3}(?:by (?:my|the) (?:hair|neck|throat|arm)|across the (?:floor|room|kitchen|hall)|down the stairs|out of bed)"
        r"|(?:trying to|tried to|going to|about to|is) (?:break|kick|smash|bash)(?:ing)? (?:the |my |our )?(?:front |back |bedroom |bathroom )?(?:door|window) (?:down|in)"
        r"|(?:kicking|smashing|banging|bashing) (?:the |my )?(?:front |bedroom |bathroom )?door (?:down|in)"
        r"|(?:locks|locked|locking|lock) (?:me|us|me and the baby|me and (?:him|her)) in (?:the |my |our |a )?(?:house|flat|room|bedroom|home|bathroom|car)"
        r"|(?:says|said|saying|tells me|told me|texts|messaged|messaging me) (?:that )?(?:he is|he has been|he will be|he|they are|they have been) (?:watching|following|tracking|outside)"
        r"|(?:making|made|makes|set up|setting up) (?:new|fake|more|another) (?:accounts?|profiles?|numbers?)\b[^.?!]{0,60}\b(?:message|messaging|contact|find|watch|follow|harass|after me|to get to me))\b",
    ),
    (
        "c8.drugged_groped",
        "C8",
        None,
        r"\b(?P<core>grop\w* (?:me|her|my)\b|(?:was|got|been|think i was|think i got) (?:drugged|spiked)\b(?=[^\n]{0,120}\b(?:woke|wake|waking|knickers|clothes|naked|bed|flat|house|remember|memory|happened)\b)"
        r"|(?:touch\w*|feel\w*) (?:me )?up (?:when|while|whenever) (?:no one|nobody|noone) (?:is|was) (?:looking|around|watching))",
    ),
    (
        "c9.age_start",
        "C9",
        None,
        r"^(?:hi |hiya |hello |hey |um |so |ok |okay )?(?:i am |me |)(?P<core>"
        + _TEEN
        + r")(?: years? old| yrs? old| yo| y o)?(?= (?:and|&|but|n|,)\b|,)"
        r"|\b(?P<core2>(?:can|could|do|does|will|would) (?:a |an )?"
        + _TEEN
        + r" ?(?:year|yr)(?:-| )?old (?:get|have|buy|see|go|be)\b[^.?!]{0,60}\b(?:pregnan\w*|test|pill|abortion|termination|midwife|baby|birth|gp))",
    ),
    (
        "c4.signs_instructions",
        "C4",
        None,
        r"\b(?P<core>(?:getting|get|receiving|receive|hearing|hear|reading|read|sending me|sends me|send me|gives me|giving me) (?:secret |special |coded )?(?:instructions|messages|orders|commands|signs|codes?) (?:from|in|through|off) (?:the )?(?:light|lights|light switches?|tv|telly|radio|switch\w*|numbers?|number plates?|birds|walls|phone|microwave|clock|adverts?|songs?)"
        r"|(?:the )?signs are (?:everywhere|all around|telling me|showing me)"
        r"|(?:sleep is for|who needs sleep|do not need (?:any )?sleep|no sleep needed|no need for sleep)\b[^\n]{0,80}\b(?:mission|chosen|purpose|so much to do|started|writing|plans?|incredible|amazing|best i have ever)"
        r"|(?:mission|chosen|purpose)\b[^\n]{0,60}\b(?:no sleep|not slept|do not need sleep|sleep is for))\b",
    ),
    (
        "c6.neglect_seen",
        "C6",
        None,
        r"\b(?P<core>(?:leaves|left|leaving|keeps) (?:the |a |her |his |their |my )?(?:baby|toddler|little one|lo|kids?|children|\d+ (?:month|week|year) old|(?:him|her|them)) (?:strapped in|in (?:the|a|his|her) (?:high ?chair|car seat|cot|pram|buggy|car))\b[^.?!]{0,40}\b(?:for hours|all day|all night|hours on end|while (?:she|he|they) (?:sleeps?|goes out|drinks?|is out))"
        r"|(?:wander\w*|outside|out|on the street|in the car park|in the road) (?:\w+ ){0,4}(?:in (?:just )?(?:a|his|her) nappy|at (?:\d+|midnight|one|two|three|eleven)(?: ?pm| ?am| at night| in the morning)?)\b(?=[^\n]{0,80}\b(?:again|not the first|alone|on (?:his|her) own|no one|nobody|mum|parents?|off (?:her|his|their) face|drunk)\b)"
        r"|nappy rash (?:so bad|that bad|is so bad)[^.?!]{0,20}\b(?:bleed\w*|raw|open)|(?:soaked|soaking|sodden|filthy) nappies\b[^.?!]{0,60}\b(?:every time|always|all day|losing weight)"
        r"|(?:leave|leaving) (?:the |my )?(?:baby|him|her|them|lo|little one) (?:\w+ ){0,3}(?:on (?:his|her|their) own|alone|by (?:him|her)self|in the cot) (?:while|to go|and go|when i go) (?:out|to the pub|for a drink|clubbing|on a night out))",
    ),
    (
        "c3.snap_images",
        "C3",
        "intrusive",
        r"\b(?P<core>(?:think|thinking|thought|imagine|imagining|picture|picturing|see|seeing|keep seeing) (?:about |of )?(?:snapping|breaking|crushing|drowning|throwing|dropping|suffocating|smothering|stabbing|strangling) (?:her|his|him|the baby|my baby|the baby's|my baby's|their|my son|my daughter)(?: (?:tiny |little |small |wee )?(?:neck|legs?|arms?|fingers?|head|skull|ribs|body|bones))?"
        r"|(?:could|might|want to|feel like i could) (?:snap|break|crush|wring|twist) (?:her|his|the baby's|my baby's) (?:little )?(?:neck|legs?|arms?|fingers?))\b",
    ),
    (
        "c2.welsh_round4",
        "C2",
        None,
        r"\b(?P<core>(?:dwi'm|dwi ddim|dydw i ddim|sai'n|dw i ddim) (?:yn )?haeddu (?:bwyd|bwyta|pryd)|(?:di|wedi|wedi'i|nes i) (?:torri|dorri|thorri) (?:eto|fy hun eto|fy mraich|fy nghoes|fy hun))\b",
    ),
    (
        "c1.welsh_round4",
        "C1",
        None,
        r"\b(?P<core>(?:cysgu|gysgu|huno) (?:am|tan) (?:byth|byth bythoedd|ever)|(?:peidio|beidio) (?:deffro|dihuno)|(?:nes i|wnes i|wedi gwneud|gwneud|neud) (?:fy |'n )?ewyllys\b[^\n]{0,80}\b(?:pwy|geith|gaiff|edrych ar ôl|gwarcheidwad))\b",
    ),
    (
        "c5.welsh_round4",
        "C5",
        None,
        r"\b(?P<core>(?:cloi|gloi|nghloi|cloi fi|gloi fi|cloi ni|gloi ni|cloi chi|gloi chi) (?:\w+ ){0,2}yn y (?:tŷ|ty|tŷ'n|fflat|stafell|ystafell))\b",
    ),
    (
        "c7.welsh_round4",
        "C7",
        None,
        r"\b(?P<core>(?:methu|ffaelu|ddim yn gallu|dim yn gallu|fedra i ddim|alla i ddim) (?:ag )?anadlu)\b",
    ),
    (
        "c6.welsh_alone",
        "C6",
        None,
        r"\b(?P<core>(?:gadael|adael|gadel|adel) (?:y |'r )?(?:babi|fabi|un bach|plant|hi|fo|e) (?:\w+ ){0,3}(?:tra dwi'n mynd allan|a mynd allan|i fynd allan|pan dwi'n mynd allan|ar ben (?:ei|eu) hun(?:ain)? (?:i|a|tra)))\b",
    ),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND4
GENTLE_RULES_ROUND4 = frozenset(
    {
        "c1.will_to_live",
        "c1.be_with",
        "c1.height_question",
        "c1.arrangements_more",
        "c7.medical_signs",
        "c9.age_start",
        "c6.welsh_alone",
        "c7.welsh_round4",
    }
)
REQUIRES_ROUND4 = {
    "c1.be_with": r"\b(?:died|dead|death|lost|loss|losing|miscarr\w*|stillb\w*|angel|heaven|passed|grave|funeral|due date|ashes|gone)\b",
}

# Round 5 (2026-12-01): concepts found from round 3's blind set after it became
# a regression set (its misses were read, never copied; the unit tests and the
# training lines for them were written separately).
_DRUGS_MORE = (
    r"(?:naproxen|aspirin|nurofen|calpol|propranolol|amitriptyline|pregabalin|gabapentin|zopiclone|"
    r"lorazepam|morphine|oramorph|lithium|quetiapine|olanzapine|venlafaxine|duloxetine|promethazine|"
    r"nytol|antihistamines?|piriton|iron tablets|sleeping tablets|beta blockers)"
)
# Every medicine named in the lexicon, as one alternation (no group).
_ANY_PILLS = _PILLS[3:-1] + "|" + _DRUGS_MORE[3:-1]
_SELF_BODY = r"(?:myself|my (?:own )?(?:skin|arms?|legs?|wrists?|hands?|fingers?|fingertips|thighs?|stomach|belly|tummy|hips?|chest|feet|ankles?))"
_INJURY_SPOT = r"(?:ears?|cheeks?|neck|back|tummy|stomach|chest|ribs|bum|bottom|thighs?|upper arms?|face|torso|genitals|inner arm|eye)"
_CHILD_POSS = r"(?:his|her|their|the baby's|my baby's|my son's|my daughter's|baby's|lo's|the toddler's|my toddler's|my little one's)"
# A child left ("left the baby", "leaves her") and alone: c6.left_alone_home's two shapes.
_LEFT_CHILD = r"(?:leave|leaves|left|leaving) (?:a |the |my |her |his |their |our )?(?:\d+ (?:month|week|year)s? old|baby|newborn|toddler|little one|lo|kids|children|(?:him|her|them)) (?:\w+ )?"
_ALONE = r"(?:alone|on (?:his|her|their) own|by (?:him|her|them)sel(?:f|ves))"
CONCEPT_RULES_ROUND5: list[tuple[str, str, str | None, str]] = [
    (
        "c1.suicide_thoughts",
        "C1",
        None,
        r"\b(?P<core>(?:think|thinking|thought|thoughts|keep thinking|i think) (?:about|of) (?:suicide|killing myself|ending my (?:own )?life|taking my (?:own )?life|not being alive)"
        r"|(?:the )?(?:thought|idea) of (?:dying|death|being dead|not waking up|not being here|it all ending) (?:is|feels|sounds|seems) (?:like )?(?:a |such a )?(?:relief|comfort\w*|peaceful|nice|calming|tempting|appealing|good)"
        r"|(?:dying|death|being dead) (?:would|will|feels like it would|seems like it would) be (?:a |such a )?(?:relief|release|easier|peaceful|the answer)"
        r"|wish(?:ing|ed)? (?:that )?(?:i|id|i would) (?:had |would have |have )?(?:died|not survived|not made it|never woke up|bled out) (?:in|during|giving|after) (?:labour|birth|the birth|the section|surgery|theatre|childbirth))\b",
    ),
    (
        "c1.already_gone",
        "C1",
        None,
        r"\b(?P<core>(?:feel|feels|feeling) (?:like )?(?:i am |i have |im )?already (?:gone|dead|left|a ghost)"
        r"|(?:just )?waiting for my body to (?:catch up|give up|stop)"
        r"|feel(?:ing)? like dying\b(?! (?:of|from|with|laughing|inside of))"
        r"|(?:not sure|do not think|doubt|do not know if|do not know whether|no idea if) i will (?:still )?be (?:around|here) (?:to|for|by|much longer|long enough|when|in))\b",
    ),
    (
        "c1.means_now_more",
        "C1",
        None,
        r"\b(?P<core>(?:emptied|emptying|popped|popping|pushed|pushing|tipped|tipping|set|setting|laid|laying|lined|lining|counted|counting) (?:out )?(?:all |every |each |all of )?(?:my |the |her |his )?(?:blister (?:packs?|strips?)|"
        + _ANY_PILLS
        + r")(?: out)?(?: in the (?:house|flat|cupboard|cabinet|drawer)| i (?:have|could find|had))? (?:in|into|onto|on|in little|in neat|in a) ?(?:a |the |my |little |neat )?(?:mug|cup|bowl|glass|hand|palm|lap|pile|piles|rows?|lines?|kitchen table|table|bedside|bed|side|counter)"
        r"|(?:saved|saving|been saving|hoarded|hoarding|collected|collecting|kept|keeping|stashed|stashing) (?:up )?(?:all )?(?:my |the |her |his )?(?:"
        + _ANY_PILLS
        + r")\b(?=[^\n]{0,80}\b(?:the lot|them all|all of them|all at once|in one go|take them|tonight|when he|once he|once she|after|for months|for weeks|enough|finish|end|do it)\b)"
        r"|(?:sat|sitting|standing|stood|perched|leaning|climbed|climbing) (?:on|over|onto|up on) (?:the |a )?(?:railings?|ledge|edge|parapet|barrier|wall) (?:of|at|on|over) (?:the |a )?(?:\w+ ){0,3}(?:bridge|car park|multi ?storey|cliff|roof|flyover|viaduct|balcony|tower)"
        r"|train (?:is |comes |will come |will be |due |coming )?(?:in|due in) (?:\d+|one|two|three|four|five|ten|a few|fifteen) (?:minutes|mins|min)\b(?=[^\n]{0,80}\b(?:line|track|tracks|crossing|edge)\b)(?![^\n]*\b(?:pram|buggy|pushchair|kids|work|catch|get on|getting on|ticket|late|delayed|cancelled)\b))",
    ),
    (
        "c1.means_at_hand",
        "C1",
        None,
        r"^(?=[^\n]*\b(?:car|parked|alone|bridge|sat|sitting|now|rn|tonight|goodbye|can not|enough)\b)[^\n]*?\b(?P<core>(?:with|got|have) (?:the |my |all my |all the |a bag of |a box of )?(?:pills|tablets|meds|blades?|razors?|rope) (?:on my lap|in my lap|in my hand|in my pocket|next to me|beside me))\b",
    ),
    (
        "c1.towards_danger",
        "C1",
        None,
        r"^(?![^\n]*\b(?:walk(?:ing)? the dog|with the (?:pram|buggy|pushchair|kids|dog)|commut\w*|to work|to school|nursery|station to get|catch(?:ing)? (?:a|the) train|day out|holiday|trip|photos?|view|sunset|ice cream|parked|parking|park up|space|car seat|shopping)\b)[^\n]*?\b(?P<core>"
        r"(?:walking|heading|going|driving|on my way|making my way) (?:towards|to|down to|up to|over to) (?:the )?(?:level crossing|railway line|railway|train line|tracks|train tracks|motorway bridge|the edge|cliff edge|cliffs|quarry|top floor of the car park|top of the (?:car park|multi ?storey))"
        r"|on the top (?:floor|level|deck) (?:of the (?:car park|multi ?storey)|now|rn|right now))\b",
    ),
    (
        "c2.burning",
        "C2",
        None,
        r"\b(?P<core>(?:used|use|using|held|hold|holding|pressed|press|pressing|put|putting|stubbed|stub|stubbing) (?:a |the |my |his |her |lit )?(?:lighter|hot spoon|spoon i heated|cigarette|fag|iron|candle|hair straighteners|straighteners|lit match|match|matches|hot knife|curling tongs) (?:on|to|against|onto|into|under) "
        + _SELF_BODY
        + r"|\bi (?:burn|scald|scold) "
        + _SELF_BODY
        + r"|(?:burn\w*|scald\w*|scold\w*) "
        + _SELF_BODY
        + r"\b(?=[^\n]{0,80}\b(?:on purpose|deliberately|to feel|punish\w*|so it hurts|make it look like|looks like (?:a |an )?(?:cooking )?accident|nobody notices|no one notices|hide|hidden|again and again|every (?:night|day|time)|when i am (?:stressed|angry|overwhelmed)|instead of cutting|relapse\w*|started again|used to)\b))",
    ),
    (
        "c2.cutting_more",
        "C2",
        None,
        r"\b(?P<core>(?:cut|cutting|cuts|sliced|slicing|slice|scored|scoring) (?:along|across|into|open|down) (?:my |the )?(?:(?:c ?section |section |old |caesarean )?scars?|wrists?|arms?|thighs?|legs?|stomach|skin|belly)"
        r"|(?:hour|time|minutes|evenings?|nights?|nap ?time|chance|moment) to cut(?: myself)?\b(?! (?:the|his|her|my|their|a|an|up|down|out|back|off|it|them|some|nails|hair|fringe|grass|food|toast|sandwich|cake|fruit|carbs|sugar))"
        r"|i (?:cut|have cut|still cut|always cut) (?:myself )?(?:every (?:year|night|week|month|day)|each (?:year|night|time)|on (?:her|his|their|the) (?:date|anniversary|birthday|due date)))\b",
    ),
    (
        "c2.other_starving",
        "C2",
        None,
        r"\b(?P<core>(?:she|he|my partner|my wife|my sister|my daughter|my friend)(?: says| said| thinks| feels| keeps saying)? (?:that )?(?:she|he) (?:does not|doesnt|do not|did not) deserve (?:to eat|food|meals?|dinner|breakfast))\b",
    ),
    (
        "c7.taken_more",
        "C7",
        None,
        r"\b(?P<core>(?:taken|took|swallowed|necked|downed|had|eaten|ate) (?:like |about |around |over |at least |maybe |nearly |almost )?(?:[2-9]\d|1[0-9]|\d{3}|twenty|thirty|forty|fifty|a whole (?:box|packet|pack|strip) of|a (?:box|packet|pack|strip) of) (?:of )?(?:my |the |her |his )?"
        + _DRUGS_MORE
        + r"|(?:taken|took|swallowed|necked|had) (?:everything|all the (?:pills|tablets|meds)|every (?:pill|tablet)) (?:in|from) (?:the|my|our) (?:cupboard|drawer|medicine (?:cabinet|box|cupboard)|bathroom cabinet|first aid box|house))\b",
    ),
    (
        "c6.injuries_seen",
        "C6",
        None,
        r"\b(?P<core>(?:bruises?|bruising|bruised|finger ?marks?|fingertip bruises?|grab marks?|hand ?prints?|bite marks?|welts?|burn marks?|burns?) (?:on|behind|around|across|inside|all over) "
        + _CHILD_POSS
        + r" (?:\w+ )?"
        + _INJURY_SPOT
        + r"\b(?=[^\n]{0,120}\b(?:after|when|since|came back|picked (?:him|her) up|dad|nan|grandad|granny|childminder|child minder|nursery|partner|boyfriend|stepdad|uncle|explain\w*|does not (?:crawl|walk|roll|move)|not (?:crawling|walking|mobile|rolling)|googled|what do i do|what should i do|worried|scared|how did|no idea how|say\w* (?:he|she) fell|says? it was)\b)"
        r"|(?:small )?(?:round|circular) (?:burns?|marks?|blisters?)\b(?=[^\n]{0,80}\b(?:cigarette|smok\w*|lighter|fag)\b)|cigarette burns? on (?:his|her|the baby|my son|my daughter|their)"
        r"|(?:ties|tied|tying|straps|strapped|taped|tapes|tape) (?:him|her|them|my son|my daughter|the baby|the toddler|lo|the kids?) (?:in|into|to|onto) (?:the |a |his |her )?(?:high ?chair|chair|cot|bed|pushchair|buggy|radiator)\b[^.?!]{0,40}\b(?:with|using) (?:a |the |her |his )?(?:scarf|rope|belt|tape|string|tights|cable|cord|lead|dressing gown cord))\b",
    ),
    (
        "c6.left_alone_home",
        "C6",
        None,
        r"\b(?P<core>"
        + _LEFT_CHILD
        + _ALONE
        + r" (?:in the (?:house|flat|home|car)|at home)\b(?=[^\n]{0,80}\b(?:pub|shop|shops|out|hour|hours|night|nights|drink|work|friends?|while|go|goes|went)\b)"
        r"|"
        + _LEFT_CHILD
        + r"(?:"
        + _ALONE[3:-1]
        + r"|in (?:the|her|his|their) cots?)\b[^.?!]{0,20}\b(?:when|while|whenever|and) (?:i|we|she|he|they) (?:go|goes|going|went|pop|pops|popped|nip|nips|nipped) (?:out|off out|to the pub|clubbing|drinking|to work|to the club)\b(?! (?:to the (?:garden|bins|car)|for a (?:second|minute|sec)))"
        r"|(?:go|goes|going|went|pop|pops|popped|nip|nipped) out (?:for the night|at night|all night|clubbing|drinking|to the pub|partying)\b[^.?!]{0,40}\b(?:leave|leaves|left|leaving) (?:the baby|her|him|them|the kids|my baby|the little one) (?:alone|on (?:his|her|their) own|in (?:the|her|his) cot|asleep)"
        r"|(?:found|picked up|brought back|wandering) (?:\w+ ){0,3}(?:on|in|by|near) the (?:main )?(?:road|street|motorway|dual carriageway)\b(?=[^\n]{0,120}\b(?:passed out|drunk|off (?:her|his|their) face|asleep|out of it|high|stoned|second time|again|no one noticed|nobody noticed)\b))",
    ),
    (
        "c8.forced_more",
        "C8",
        None,
        r"\b(?P<core>(?:being|been|was|got|get|getting|am) (?:forced|pressured|pushed|coerced|guilted|bullied|made) (?:in)?to (?:sex|have sex|sleep with|sexual)"
        r"|(?:sexually assaulted|assaulted,? sexually|sexual(?:ly)? assault\w*)"
        r"|(?:would not|wouldnt|did not|refused to|never) wait\b[^.?!]{0,60}\b(?:sex|stitches|tear|healed|said no|told him no|begged|(?:6|six) (?:weeks|wks|week check))"
        r"|(?:would not|wouldnt|did not|refused to|never) (?:stop|listen) (?:when|after|even when|even though|even after) (?:i|she) (?:said no|said stop|told him (?:no|to stop)|was crying|begged|cried|asked him to stop))\b",
    ),
    (
        "c4.not_recognise",
        "C4",
        None,
        r"\b(?P<core>(?:does not|did not|doesnt|didnt|can not|could not|cannot) (?:recognise|recognize|know) (?:her|his|their|my|our) (?:own )?(?:house|home|flat|bedroom|husband|partner|baby|mum|kids|children|street)"
        r"|(?:asked|asking|asks) (?:me )?(?:\w+ ){0,3}(?:whose|who owns this|what) (?:house|home|flat|place|baby) (?:this|it|that) (?:was|is))\b",
    ),
    (
        "c9.age_end",
        "C9",
        None,
        r"\b(?P<core>(?:asking for (?:me|myself)|i am|me|am)[.,]? "
        + _TEEN
        + r"(?: years? old| yrs? old| yo)?)\s*[.!?]*\s*$",
    ),
    (
        "c2.welsh_round5",
        "C2",
        None,
        r"\b(?P<core>(?:dyrnu|ddyrnu|nyrnu|taro|daro|bwrw|fwrw|hitio|slapio) ?(?:'n|fy|yn fy|yn) ?(?:hun|hunan|hunain|mhen|mol|mola|bola|wyneb)(?: fy hun| yn hunan)?"
        r"|(?:llosgi|losgi|llosgu) (?:fy hun|'n hun|fy hunan|'n hunan|fy mraich|fy nghoes|fy mysedd|fy nwylo))\b",
    ),
    (
        "c1.welsh_round5",
        "C1",
        None,
        r"\b(?P<core>(?:tren|trên|trenau) (?:nesa|nesaf|nesa'|yn dod|nesaf yn dod)\b[^\n]{0,60}\b(?:munud|munudau|mun)"
        r"|(?:sefyll|eistedd|ishte|isda) (?:wrth|ar|ger|ar bwys|ar ymyl) (?:y |yr )?(?:lein|rheilffordd|trac|traciau|dibyn|clogwyn))\b",
    ),
    (
        "c6.welsh_round5",
        "C6",
        None,
        r"\b(?<!heb )(?<!peidio )(?<!beidio )(?<!heb orfod )(?P<core>(?:gadael|adael|gadel|adel|gadal) (?:y |'r )?(?:babi|fabi|un bach|un fach|plant|plentyn|hi|fo|fe|e) (?:\w+ ){0,3}ar ben (?:ei|eu) hun(?:an|ain)? (?:yn y|yn|pan|tra|i))\b",
    ),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND5
GENTLE_RULES_ROUND5 = frozenset(
    {
        "c1.already_gone",
        "c1.towards_danger",
        "c6.left_alone_home",
        "c4.not_recognise",
        "c9.age_end",
    }
)
REQUIRES_ROUND5 = {
    "c4.not_recognise": r"\b(?:baby|babies|newborn|birth|born|postnatal|postpartum|mum|new mum|had (?:the|her|a) baby|weeks? old|months? old|labour|section|pregnan\w*)\b",
    "c1.already_gone": r"^(?![^\n]*\b(?:flu|cold|virus|bug|covid|mastitis|period|cramps?|contractions?|labour|hangover|hungover|teeth|toothache|migraine|headache|vomit\w*|embarrass\w*|cringe|heat|gym|workout|run|laugh\w*|lol|haha\w*)\b)",
}

# Round 6's concepts, from round 4's set (a regression set since round 5): final
# arrangements said calmly, travelling to a high place, doubting one will see a
# date, reasons to stay alive running out, driving into something; self-harm
# reopened or after a clean streak; a child who has swallowed medicines, dosing
# mistakes, heavy bleeding with faintness; a baby sedated or drugged, a carer who
# screams and shakes, a baby who flinches, a parent who hides while the baby
# screams unfed, a baby left by a road; control by permission and threats by fire;
# Welsh passive wishes, decisions, goodbyes, signs of psychosis in a relative,
# bruises on a baby and a husband's "right".
_CHILD_SUBJ = (
    r"(?:she|he|lo|baby|the baby|my baby|bubs|(?:my |the |our )?(?:bairn|wean|wee one)|toddler|my toddler|the toddler|my son|my daughter|the kids?|my kids?|my little one|the little one"
    r"|(?:my |our |the |his |her )?(?:son|daughter|boy|girl|newborn|kid|child)"
    # "2" is normalised to "to" (text speak)
    r"|(?:my |our |the |his |her )?(?:\d+|one|two|three|to) ?(?:week|month|year|yr|mth)s? old)"
)
_SWALLOWED = (
    r"(?:"
    + _ANY_PILLS
    + r"|pills?|tablets?|meds|medicines?|capsules?|dishwasher (?:tablets?|pods?)|washing (?:pods?|tablets?|capsules?|liquid)"
    r"|liquitabs?|button batter(?:y|ies)|batter(?:y|ies)|vape (?:liquid|juice)|e ?liquid|bleach|nicotine|the pill|my pill|methadone|weed|edibles?)"
)
_SEDATIVE = (
    r"(?:"
    + _ANY_PILLS
    + r"|medicine|whisky|whiskey|brandy|gin|vodka|rum|wine|alcohol|sleeping (?:tablets?|pills?|meds)|my (?:pills|tablets|meds))"
)
_HIGH_PLACE = r"(?:the |a )?(?:\w+ )?(?:bridge|cliffs?|cliff top|clifftop|beachy head|viaduct|pier|sea wall|reservoir|dam|quarry|motorway|top floor|roof|rooftop|the edge|gorge)"
CONCEPT_RULES_ROUND6: list[tuple[str, str, str | None, str]] = [
    (
        "c1.final_arrangements",
        "C1",
        None,
        r"\b(?P<core>(?:playlist|songs?|music|hymns?|readings?|flowers|plans?|wishes|outfit|poem) (?:for|at) my (?:own )?funeral"
        r"|(?:planning|planned|plan|organis\w*|organiz\w*|arranging|arranged|paid for|paying for|sorting|sorted) (?:out )?my (?:own )?funeral"
        r"|(?:list|note|notes) (?:of|saying) who (?:gets|should get|is getting|will get|can have|has) (?:what|my)"
        r"|(?:last|final) thing i (?:can|could|will|will ever|am able to) (?:do|give|leave) (?:for|to) (?:them|her|him|you|my (?:family|kids|children|baby|babies|boys?|girls?|partner|husband|wife))"
        r"|(?:updated|update|updating|wrote|write|writing|written|made|make|making|done|did|sorted|sorting) (?:out )?my will\b(?=[^\n]{0,160}\b(?:routine|instructions|letters?|goodbye|calm|peace|last|passwords?|who (?:gets|will have|has)|look after|when i am gone|without me|after i am gone|written (?:out|down))\b)"
        r"|(?:i will|i am going to|i should|i would) be (?:gone|long gone) (?:before|by the time) (?:she|he|they|the baby|baby|everyone|anyone|the kids|my (?:partner|husband|wife|oh|family)|oh|dh) (?:wakes?|wake up|wakes up|gets? up|gets? home|comes? home|notices?|is up|are up))\b",
    ),
    (
        "c1.not_a_break",
        "C1",
        None,
        r"\b(?P<core>(?:it is|its|this is|that is|it was|and it is) not (?:for|about) (?:a |some )?(?:break|rest|holiday|getaway|night off|me time|treat|spa))\b(?![^.?!]{0,6}\b(?:it is|its|it was|but) (?:for|a)\b)",
    ),
    (
        "c1.future_doubt",
        "C1",
        None,
        r"\b(?P<core>(?:not sure|do not think|doubt|do not know if|no idea if|wonder if|not convinced) i will (?:see|make it to|get to see|be (?:here|around) (?:for|at|by)|still be (?:here|around) (?:for|at|by)) "
        r"(?:the next one|next one|christmas|xmas|new year|(?:her|his|their|the baby's|my|our) (?:first )?(?:birthday|christening|first steps|first christmas)|next (?:year|month|christmas|summer|spring|birthday)|spring|summer|the weekend|tomorrow|the morning)"
        # round 12: "if i am still here by thursday"
        r"|if i (?:am |will be |would be |was )?(?:still (?:here|around|alive|breathing)|alive) (?:by|on|at|till|until|come|next|for) (?:then|the weekend|tomorrow|next week|christmas|the appointment|my appointment|\w+day)"
        r"|if i (?:last|survive) (?:till|until|to|the week|the night|that long|the weekend))\b",
    ),
    (
        "c1.reasons_alive",
        "C1",
        None,
        r"\b(?P<core>(?:running|run|ran|run right) out of (?:reasons?|things) to (?:stay alive|live|keep living|be alive|stay here|be here)"
        r"|(?:no|not (?:got )?any|no more|can not (?:think of|find|see) (?:a|any|one)) reasons? (?:left )?to (?:stay alive|keep living|be alive|stay here|be here|live for))\b",
    ),
    (
        "c1.reasons_going",
        "C1",
        None,
        r"\b(?P<core>(?:running|run|ran) out of (?:reasons?|things) to (?:keep going|carry on|go on|get up|stay|try)"
        r"|(?:no|not (?:got )?any|no more|can not (?:think of|find|see) (?:a|any|one)) reasons? (?:left )?to (?:keep going|carry on|go on|stay)"
        # round 12: not seeing why one should keep going
        r"|(?:do not|can not|struggle to|struggling to|no longer|honestly do not) (?:see|know|get) (?:why|the point of|what the point is of|a reason|any reason|the reason|a reason why) (?:i should |i would |to |in |i |for me to )?(?:keep going|carry on|go on|keep on going|keep on|keep living|stay alive|stick around|be here|bother (?:living|staying|going on|carrying on|waking up)|living|being alive|being here|staying))\b",
    ),
    (
        "c1.travel_high_place",
        "C1",
        None,
        r"^(?=[^\n]*\b(?:(?:left|leave|leaving|dropped|dropping) (?:the |my |her |him )?(?:baby|buggy|pram|kids|little one|lo|him|her|them)\b|without (?:telling|saying)|not told|nobody knows|no one knows|not coming back|goodbye|sorry|for the last time|on my own|by myself|alone)\b)"
        r"(?![^\n]*\b(?:walk(?:ing)? the dog|with the (?:pram|buggy|pushchair|kids|dog|baby)|commut\w*|to work|for work|nursery|day out|holiday|trip|photos?|view|sunset|ice cream|picnic|fish and chips|tourist|friends|mates|husband|partner and)\b)[^\n]*?\b(?P<core>"
        r"(?:walking|walked|heading|going|driving|drove|on my way|making my way|climbing|climbed|got the (?:train|bus)) (?:up |down |back )?(?:to|towards|onto|on to|over to|out to) "
        + _HIGH_PLACE
        + r")\b",
    ),
    (
        "c1.drive_into",
        "C1",
        None,
        r"^(?=[^\n]*\b(?:think|thought|thinking|tempt\w*|want|wanted|urge\w*|could just|so easy|imagine|imagining|pictur\w*|wish|end it|every time|some nights|sometimes)\b)"
        r"(?![^\n]*\b(?:call of the void|is (?:that|it|this) (?:normal|common|a thing)|nearly (?:hit|went)|almost (?:hit|went)|someone|somebody|a car (?:went|came)|he crashed|she crashed|they crashed|crashed into (?:me|us)|into the back of)\b)[^\n]*?\b(?P<core>"
        r"(?:drive|driving|drove|steer|steering|swerv\w*|veer\w*|crash\w*|going|go|turn\w* the wheel|put my foot down|plough\w*|aim\w*) (?:the car )?(?:straight |right |head first )?(?:into|off|under|in front of) "
        r"(?:a |the |an )?(?:tree|wall|lorry|truck|bus|bridge|embankment|barrier|river|oncoming (?:traffic|car|lorry|cars)|cliff|edge|ditch|central reservation|pillar|motorway bridge|the sea|a train)"
        r")\b",
    ),
    (
        "c1.decided_calm",
        "C1",
        None,
        r"\b(?P<core>(?:feel|feeling|felt) (?:weirdly |strangely |oddly |so |really |very |quite |actually )?(?:calm|at peace|peaceful|lighter|relieved|settled) (?:now |since |ever since )?(?:i have |that i have |since i |now i have |now that i have |i )?(?:decided|made (?:the|my|a) (?:decision|plan|choice)|made my mind up|got a plan|planned it|sorted everything)\b(?! (?:to|on|that|what|which|against|not|we|she|he)\b)"
        r"|(?:decided|made (?:the|my) decision|made my mind up|got a plan)\b(?! (?:to|on|that|what|which|against|not|we|i|she|he)\b)[^.?!\n]{0,40}\b(?:feel|feeling|felt) (?:weirdly |strangely |oddly |so |really |very |quite )?(?:calm|at peace|peaceful|lighter|relieved))\b",
    ),
    (
        "c2.reopened",
        "C2",
        None,
        r"^(?=[^\n]*\b(?:scars?|wounds?|cuts?|healing|healed)\b)(?![^\n]*\b(?:section|c section|caesarean|episiotomy|stitches (?:came|burst)|lifting|by accident|accidentally|surgery)\b)[^\n]*?\b(?P<core>i (?:have )?(?:(?:"
        + _KEEP_AT
        + r"|always) )?(?:re ?opened|opened|ripped|picked|tore|re ?opening|opening|ripping|picking|tearing) (?:them|it|the (?:old )?(?:scars?|wounds?|cuts?)|my (?:old )?(?:scars?|wounds?|cuts?))(?: all)?(?: back)?(?: open| up| again)?)\b",
    ),
    (
        "c2.relapse_more",
        "C2",
        None,
        r"^(?![^\n]*\b(?:shav\w*|nails?|fringe|hair|onions?|chopping|knife slipped|paper cut|veg|vegetables|grass|hedge|toast|sandwich|carbs|sugar|dairy|caffeine|cord)\b)[^\n]*?\b(?P<core>"
        r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen) (?:days?|weeks?|months?|years?) (?:clean|free|self harm free|sh free|without (?:cutting|self harm\w*|hurting myself))\b[^\n]{0,100}\b(?:and|but|then|now|until|til|till) (?:i )?(?:cut|relapsed|slipped|did it again|broke it|burned|burnt|hurt myself|harmed)"
        r"|\bi (?:have )?cut(?: myself)?(?: again)?(?= *(?:[.!?,]|$|last night|tonight|today|this morning|yesterday|again|after (?:she|he|they|the baby) went))"
        r")",
    ),
    (
        "c7.child_swallowed",
        "C7",
        None,
        r"^(?![^\n]*\b(?:sealed|unopened|child ?proof|childproof|nearly|almost|did not (?:open|get|swallow|eat)|could not (?:open|get)|took (?:it|them) off|before (?:she|he) could|nothing missing|none missing|all (?:still )?there|would you|what if|how do i stop|how to stop)\b)[^\n]*?\b(?P<core>"
        + _CHILD_SUBJ
        + r"\b(?:[^.?!]{0,30}?\b(?:got (?:into|hold of|at)|has got into|has eaten|ate|eaten|swallowed|chewed|sucked on|drank|drunk|been (?:at|in)) (?:some |a |an |one of |my |the |his |her |a few |loads of |\d+ )?"
        # a share of someone's medicine: "ate some of my sertraline", "had half of nan's tablets"
        r"|[^.?!]{0,40}?\b(?:ate|eaten|swallowed|chewed|had) (?:some|a few|one|two|loads|a load|half) (?:of )?(?:my|his|her|the|nans?|grans?|mums?|dads?) )(?:\w+ )?"
        + _SWALLOWED
        + r")\b",
    ),
    (
        "c7.dose_error",
        "C7",
        None,
        r"^(?![^\n]*\b(?:111 said|rang 111 and|called 111 and|they said (?:he|she|it|that) (?:is|was|will be) (?:fine|ok|okay)|nothing to worry|pharmacist said|no harm)\b)[^\n]*?\b(?P<core>"
        r"(?:(?:\d+|two|three|four|five|double|twice|triple|several) (?:times|x) (?:the|his|her|a|the right|the normal|the usual) (?:\w+ )?(?:dose|amount)"
        r"|(?:double|triple|too much|an overdose of|overdosed (?:him|her|them|the baby) (?:on|with))\b[^.?!]{0,20}\b(?:calpol|ibuprofen|nurofen|paracetamol|medicine|piriton|dose))"
        r")\b(?=[^\n]*\b(?:by mistake|mistake|wrong (?:syringe|spoon|medicine|bottle|one|strength)|accident\w*|mixed up|misread|both gave|we both)\b)",
    ),
    (
        "c7.bleeding_faint",
        "C7",
        None,
        r"\b(?P<core>(?:very |really |so |v |super |proper )?heavy bleeding|bleeding (?:really |so |very |v )?(?:heavily|heavy|loads|a lot))\b(?=[^\n]{0,80}\b(?:passing out|pass out|faint\w*|dizzy|clots?|soak\w*|blacking out|black out|light ?headed|white as a sheet|cold and clammy|can not stand)\b)",
    ),
    (
        "c6.drugging",
        "C6",
        None,
        r"\b(?P<core>(?:drugging|drugged|drugs|sedating|sedated|sedates) (?:the baby|her|him|them|my (?:baby|son|daughter|grandson|granddaughter)|lo|the kids|the little one)\b(?! with (?:love|cuddles|milk|boobs?|kindness))"
        r"|(?:found|there (?:was|is|were)|put|puts|putting) (?:\w+ ){0,3}(?:pills?|tablets?|medicine|powder|crushed|"
        + _ANY_PILLS
        + r") in (?:her|his|the baby's|the|their) (?:bottle|milk|food|drink|formula|cup|beaker))\b",
    ),
    (
        "c6.sedating",
        "C6",
        None,
        r"\b(?P<core>(?:giving|give|gave|given|put|putting|adding|added|slipping|slipped|dosing|dose) (?:her|him|them|the baby|baby|lo|the kids?|my (?:son|daughter|baby))? ?(?:extra|more|double|a bit of|some|a drop of|a splash of|a dose of|a spoon of|a little)? ?"
        + _SEDATIVE
        + r"\b[^.?!]{0,40}\b(?:so (?:she|he|they|baby) (?:sleeps?|sleep|settles?|stays? quiet|goes? down|will sleep|stays? asleep|shuts? up|is quiet)|to (?:make|help|get) (?:her|him|them|baby) (?:sleep|settle|quiet|drowsy|knocked out|go down|shut up)|to knock (?:her|him|them) out|knock (?:her|him|them) out))\b"
        r"(?=[^\n]*\b(?:extra|double|every night|most nights|each night|knock|whisky|whiskey|brandy|gin|vodka|rum|wine|alcohol|piriton|antihistamines?|sleeping|my (?:pills|tablets|meds)|not (?:ill|poorly|sick|teething)|on top|and some|as well)\b)",
    ),
    (
        "c6.scream_shake",
        "C6",
        None,
        r"\b(?P<core>(?:screams?|screaming|shouts?|shouting|yells?|yelling|swears?|swearing) (?:at|in the face of) (?:the baby|her|him|them|my (?:grandson|granddaughter|baby|son|daughter)|the little one|lo|the kids?)\b[^.?!]{0,40}\b(?:shakes?|shaking|shook|bangs?|banging|slams?|slamming|yanks?|yanking|throws?|threw|grabs?|grabbed))\b",
    ),
    (
        "c6.flinches",
        "C6",
        None,
        r"\b(?P<core>(?:flinches|flinch|flinching|cowers|cowering|goes (?:quiet|rigid|stiff|silent)|freezes|stiffens) (?:when|whenever|every time|if) (?:he|she|dad|mum|his dad|her dad|daddy|they|my (?:partner|son|daughter|husband|boyfriend)|the (?:boyfriend|childminder|partner)|(?:his|her|my son's|my daughter's) (?:partner|boyfriend|girlfriend|dad|stepdad)) (?:\w+ ){0,3}(?:walks|comes|goes|gets|is) (?:in|near|close|home|over|round))\b",
    ),
    (
        "c6.hide_while_screams",
        "C6",
        None,
        r"^(?=[^\n]*\b(?:hours?|every day|all day|all afternoon|most days|not fed|does not get fed|no feed|til|until)\b)[^\n]*?\b(?P<core>(?:hide|hiding|hid|lock myself|locked myself|lock me|shut myself|sit|sat) (?:away )?in (?:the |my )?(?:bathroom|toilet|bedroom|car|garden|shed|loo)\b[^\n]{0,80}\b(?:while|and let|and leave|leaving) (?:she|he|the baby|baby|they|lo|her|him) (?:screams?|cries|crying|screaming|howls?|howling|scream|cry)\b"
        r"|(?:does not|do not|did not|never) (?:get )?(?:fed|feed (?:her|him)|changed)\b[^.?!]{0,20}\b(?:until|till|til|unless|before) (?:he|she|oh|dh|my partner|my husband|my mum|someone|her dad|his dad) (?:gets|comes|is) (?:in|home|back))\b",
    ),
    (
        "c3.left_by_road",
        "C3",
        "intent",
        r"\b(?P<core>(?:put|left|placed|set|sat|leave|leaving) (?:the |her |his |my )?(?:car seat|baby|moses basket|pram|buggy|carrier|her|him) (?:down )?(?:on|by|at|in) the (?:verge|roadside|side of the road|doorstep|pavement|kerb|curb|bench|bus stop|lay ?by|hard shoulder)\b[^.?!]{0,40}\b(?:drove|walked|went|ran|driving|walking|pulled) (?:off|away|on))\b",
    ),
    (
        "c5.permission_more",
        "C5",
        None,
        r"\b(?P<core>(?:makes?|made|forces?|forced|has me) (?:me )?ask (?:him |his )?(?:permission )?(?:before|to|if) i (?:can )?(?:leave|go|go out|see|spend|buy|eat|visit|pop)"
        r"|i (?:have|need|have got) to ask (?:him|his permission) (?:before|if|to) i (?:can )?(?:leave|go out|see|spend|buy|visit|pop))\b",
    ),
    (
        "c5.checks_all",
        "C5",
        None,
        r"\b(?P<core>(?:he|she|my partner|my husband|my boyfriend|oh|dh|bf) (?:checks|goes through|reads|inspects) (?:every|all|each) (?:single )?(?:of )?(?:my )?(?:receipts?|texts?|messages?|calls?|purchases?|bank statements?|transactions?|emails?))\b",
    ),
    (
        "c5.fire_threat",
        "C5",
        None,
        r"\b(?P<core>(?:poured|pouring|threw|splashed|sprayed|sprinkled) (?:petrol|lighter fluid|paraffin|fuel|diesel|white spirit|accelerant)\b[^.?!]{0,40}\b(?:on|over|around|at|through|under)"
        r"|(?:said|says|threatened|threatening|threatens|told me) (?:that )?(?:next time )?(?:he|she|they) (?:will|would|is going to|was going to|is gonna|will) (?:light it|set (?:fire|it alight|us alight|me alight|light)|burn (?:the house|us|me|the flat|it|our house|the place)))\b",
    ),
    (
        "c1.welsh_round6",
        "C1",
        None,
        r"\b(?P<core>(?:gweddïo|gweddio|weddïo|weddio|gobeithio|obeithio|dymuno|ddymuno) na (?:fydda|fyddai|fydda i|fyddwn|wna|wnai|wna i|wnaf) ?(?:i)?(?:'n| yn)? ?(?:ddim )?(?:deffro|ddeffro|dihuno|ddihuno)"
        r"|(?:ddim|sa i'n|sai'n|sa i|dwi ddim yn|dw i ddim yn|so fi'n|wi ddim yn|dwim yn|dwi'm yn) (?:siŵr|siwr|sicr) (?:bo|bod|fod|os) (?:fi|i|dwi|dw i|wi|fi'n) (?:isio|eisiau|moyn|mo|ishe|isie|eisie) bod (?:'?ma|yma|yn fyw|o gwmpas))",
    ),
    (
        "c1.welsh_goodbye",
        "C1",
        None,
        r"\b(?P<core>(?:amser|bryd) (?:i fi|i mi|imi|i) (?:fynd|adael|ffarwelio|ddweud hwyl fawr)\b[^\n]{0,100}\b(?:fydd|bydd|fyddan|byddan) (?:y babi|'r babi|y plant|'r plant|hi|o|fo|fe|e|nhw)(?:'n| yn) (?:iawn|well|saff|ok)"
        r"|(?:dwi|wi|dw i|rwy|rydw i|fi) (?:di|wedi) penderfynu\b[^\n]{0,100}\b(?:tawel|dawel|heddwch|heddychlon|rhyddhad|ryddhad|ysgafnach))",
    ),
    (
        "c2.welsh_round6",
        "C2",
        None,
        r"\b(?P<core>(?:llosgi|losgi|llosgu|nllosgi)'?n (?:hun|hunan)|(?:torri|dorri|nhorri)'?n (?:hun|hunan)|(?:brifo|frifo|mrifo)'?n (?:hun|hunan))\b",
    ),
    (
        "c6.welsh_round6",
        "C6",
        None,
        r"\b(?P<core>(?:cleisia|cleisiau|gleisia|gleisiau|clais|glais|marcia|marciau|farcia|farciau) (?:mawr |du |glas )?(?:ar|ar hyd|dros|tu ôl i) (?:ei|eu) (?:asennau|asenna|wyneb|glust|chlust|clustiau|glustiau|gefn|chefn|fraich|breichiau|goes|coesau|bol|fol|gwddf|wddf|frest|ben|ben ôl))\b"
        r"(?=[^\n]*\b(?:ar ôl|ar ol|efo|gyda|ddim yn cropian|ddim yn symud|ddim yn cerdded|dros y penwythnos|esbonio|egluro|poeni|ofn)\b)",
    ),
    (
        "c8.welsh_round6",
        "C8",
        None,
        r"\b(?P<core>(?:hawl|right) (?:iddo fe|iddo fo|iddo|ganddo fo|ganddo fe|ganddo) (?:fel|achos|am ei fod yn) (?:gŵr|gwr|ŵr|wr|husband|mhartner|partner)"
        r"|(?:cyfri|cyfrif|gyfri|gyfrif) fel (?:trais|treisio|rape)|trais rhywiol)\b",
    ),
    (
        "c1.done_alive",
        "C1",
        None,
        r"\b(?P<core>(?:done|finished|over it|had enough) with (?:being alive|living|life itself|existing|this life|being here|it all|everything)\b(?! (?:for (?:today|now|the day|tonight)|in (?:the|this) (?:house|kitchen)))"
        r"|(?:not|nothing) (?:with|to do with) (?:parenting|the baby|motherhood|being a mum)\b[^.?!]{0,20}\bwith (?:being alive|living|life|existing))\b",
    ),
    (
        "c1.should_have_died",
        "C1",
        None,
        r"\b(?P<core>(?:i should|it should) (?:have been|be|of been) (?:me|the one) (?:who|that) (?:died|went|was taken)|should (?:be|have been) the one (?:who|that) died)\b",
    ),
    (
        "c1.giving_away",
        "C1",
        None,
        r"\b(?P<core>(?:given|giving|gave|give) (?:away )?(?:all )?(?:my|of my) (?:jewellery|jewelry|rings?|belongings|savings|things|stuff|possessions|favourite things|nan's ring|mum's ring)\b[^.?!]{0,40}\b(?:to (?:my|her|his|the) (?:sister|brother|cousin|mum|friend|best friend|niece|daughter|son|kids)|away)"
        r"|(?:rhoi|di rhoi|wedi rhoi|nes i roi|roi) (?:fy|'n|y) (?:stwff|pethau|petha|pethe|dillad|modrwy|gemwaith)\b[^.?!]{0,40}\b(?:i gyd|y cwbl|y cyfan|i (?:fy|'n) (?:chwaer|mrawd|ffrind|mam|nghnither|nghefnder)))\b",
    ),
    (
        "c1.plans_waiting",
        "C1",
        None,
        r"\b(?P<core>(?:plans?|everything|it) (?:is |are |all )?(?:sorted|made|ready|in place|arranged|set)\b[^.?!]{0,10}[.,]? (?:just )?(?:waiting|wait) (?:for|till|until) (?:him|her|them|everyone|the house|the baby|oh|dh|my (?:partner|husband|wife)) (?:to )?(?:leave|go|be asleep|fall asleep|go to (?:work|sleep|bed)|goes|leaves|is asleep))\b",
    ),
    (
        "c1.better_without",
        "C1",
        None,
        r"\b(?P<core>(?:they|he|she|the kids|the baby|my (?:husband|wife|partner|family|kids|son|daughter|baby|children|boys|girls|little one|twins|boyfriend|girlfriend)|everyone) (?:would|will|would all|will all|d) (?:be fine|be ok|be okay|cope|manage|get over it|move on|be happier)(?: fine| ok| okay| alright| just fine)? (?:after a while|without me|in time|once i am gone|if i was not here|if i were not here"
        # round 13: "if i went", "sad for a bit then they would be fine"
        r"|if i (?:just )?(?:went|was gone|were gone|disappeared|was not around|were not around|died|was dead|were dead)\b(?! (?:back|to|out|for|on|in|into|away for|shopping|home|with|and|abroad|part))"
        r")|(?:sad|upset|gutted|cut up) for a (?:bit|while|little while|few weeks|week or two)\b[^.?!]{0,12}\b(?:then|but|and then|and) (?:they|he|she|everyone|theyd|hed|shed) ?(?:would|will|would all|will all|all)? ?(?:be fine|be ok|be okay|cope|get over it|move on|forget))\b",
    ),
    (
        "c1.note_and_out",
        "C1",
        None,
        r"^(?=[^\n]*\b(?:now|tonight|dark|rn|right now)\b)[^\n]*?\b(?P<core>(?:left|leaving|written|wrote|leave) (?:a |him a |her a |them a )?(?:note|letter|letters|goodbye)\b[^\n]{0,100}\b(?:walking (?:along|by|beside|down to)|out by|down by|at) (?:the )?(?:river|sea|canal|bridge|cliffs?|railway|tracks|reservoir|lake|woods|severn|wye|thames|taff|dee|usk))\b",
    ),
    (
        "c1.fast_train",
        "C1",
        None,
        r"^(?![^\n]*\b(?:pram|buggy|pushchair|kids|work|catch|get on|getting on|ticket|late|delayed|cancelled|commut\w*|journey|platform \d)\b)[^\n]*?\b(?P<core>(?:fast|next|non ?stop\w*|express|freight) train (?:comes|passes|goes|will come|will pass|is due|due) (?:through )?(?:in|at) (?:\d+|one|two|three|four|five|ten|a few|fifteen)(?: ?mins?| ?minutes)?)\b",
    ),
    (
        "c2.hot_things",
        "C2",
        None,
        r"\b(?P<core>(?:holding|hold|held|grabbing|grab|grabbed|touching|touch|touched|pressing|press|pressed) (?:onto |on to |on )?(?:the |a |my )?(?:hot |boiling )?(?:kettle|iron|hob|pan|oven door|oven|radiator|straighteners|tongs|exhaust)\b[^\n]{0,60}\b(?:deliberate\w*|on purpose|to feel|punish\w*|until it (?:burns|hurts|blisters)|till it (?:burns|hurts|blisters)|holding on))\b",
    ),
    (
        "c2.welsh_starve",
        "C2",
        None,
        r"\b(?P<core>(?:llwgu|lwgu|newynu|peidio bwyta|beidio bwyta) (?:fy hun|'n hun|fy hunan|'n hunan)(?: fel cosb)?|(?:ddim yn|dim yn) haeddu bwyd)\b",
    ),
    (
        "c3.press_hard",
        "C3",
        "intent",
        r"\b(?P<core>(?:pressing|pressed|pushing|pushed|squeezing|squeezed|holding|held) (?:down )?(?:on )?(?:her|his|their|the baby's) (?:tummy|chest|neck|head|face|mouth|nose|throat)\b[^\n]{0,40}\b(?:harder|too hard|so hard|until (?:she|he|they)|till (?:she|he|they)|could not breathe|to make (?:her|him) stop))\b",
    ),
    (
        "c6.feeds_withheld",
        "C6",
        None,
        r"\b(?P<core>(?:skipping|skip|skipped|missing|missed|not giving|stopped giving|withholding|holding back) (?:her|his|their|the baby's|the|my baby's) (?:feeds|bottles|feeding|milk|meals)\b(?=[^\n]*\b(?:lost weight|losing weight|can not face|on purpose|deliberately|just can not|weigh in|dehydrated|hungry|screams?)\b)"
        r"|(?:does not|did not|will not|would not|never) feed (?:my|the|our|her|his) (?:baby|son|daughter|grandson|granddaughter)\b(?=[^\n]*\b(?:dehydrated|a ?& ?e|hospital|lost weight|hungry|screaming|overnight|all day)\b))",
    ),
    (
        "c6.fractures",
        "C6",
        None,
        r"\b(?P<core>(?:\d+|two|to|three|four|several|multiple) (?:broken bones|fractures|fractured ribs|broken ribs|broken arms|breaks)\b(?=[^\n]{0,80}\b(?:months?|weeks?|old|baby|nobody|no one|explain\w*|brittle|keep saying|they say)\b))",
    ),
    (
        "c5.show_every",
        "C5",
        None,
        r"\b(?P<core>(?:have|got|need|has me) to (?:show|give|hand over|account for) (?:him|her|them)? ?(?:every|all|each) (?:single )?(?:\w+ )?(?:receipts?|penny|pound|purchases?|texts?|messages?|calls?|bank statements?)\b(?=[^\n]{0,60}\b(?:or (?:he|she)|else|goes mad|kicks off|loses it|screams|shouts|hits|gets angry)\b)"
        r"|(?:comes|goes|came|insists on coming) (?:to|into) (?:every|all (?:my|the)) (?:appointments?|scans?|checks?|visits?)\b[^\n]{0,60}\b(?:answers for me|speaks for me|talks for me|will not let me|never lets me|does not let me|on my own)"
        r"|(?:hiding|hid|hidden) (?:in|at|behind|under)\b[^\n]{0,60}\b(?:he is|he has been|hes) (?:out )?(?:looking|searching|hunting|driving round) for (?:us|me))\b",
    ),
    (
        "c7.choking",
        "C7",
        None,
        r"\b(?P<core>(?:is |he is |she is |hes |shes )?(?:choking|choked|chokes)\b[^\n]{0,40}\b(?:purple|blue|grey|gray|can not breathe|not breathing|no sound|silent|floppy|going limp)"
        r"|(?:going|turned|turning|gone) (?:purple|blue|grey)\b[^\n]{0,40}\b(?:choking|can not breathe|not breathing|gasping)"
        # round 11: a choking child not clearing, a baby who has choked and makes no sound
        r"|(?:choking|choked|chokes)\b[^\n]{0,120}\b(?:still stuck|will not come out|can not get it out|not coming out|going purple|gone purple|turning purple|going blue|gone blue|turning blue|no sound|not making (?:a|any) (?:sound|noise)|can not cry|floppy))\b",
    ),
    (
        "c8.touched_froze",
        "C8",
        None,
        r"\b(?P<core>(?:touched|groped|grabbed|felt) me (?:while|when|as) i was\b[^\n]{0,80}\b(?:froze|frozen|did not want|could not move|shaking|did not say|could not say))\b",
    ),
    (
        "c4.baby_mine",
        "C4",
        None,
        r"\b(?P<core>(?:is|if|whether) (?:the|this|my|our) baby (?:is )?(?:really |even |actually )?(?:mine|ours|my baby|our baby)\b(?! (?:to|or not to))|(?:whose|who's) baby (?:this|it|she|he) (?:is|was))\b",
    ),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND6
GENTLE_RULES_ROUND6 = frozenset(
    {
        "c1.final_arrangements",
        "c1.not_a_break",
        "c1.future_doubt",
        "c1.reasons_going",
        "c1.travel_high_place",
        "c1.drive_into",
        "c1.decided_calm",
        "c6.sedating",
        "c6.flinches",
        "c6.hide_while_screams",
        "c5.checks_all",
        "c1.welsh_goodbye",
        "c1.should_have_died",
        "c1.giving_away",
        "c1.plans_waiting",
        "c1.better_without",
        "c1.note_and_out",
        "c1.fast_train",
        "c6.feeds_withheld",
        "c6.fractures",
        "c4.baby_mine",
    }
)
REQUIRES_ROUND6 = {
    "c1.not_a_break": r"\b(?:hotel|room|booked|book|b ?& ?b|airbnb|travelodge|premier inn|away|alone|on my own|by myself|train|ticket)\b",
}

# ---- Round 7: concepts found from round 5's blind set once it was a regression
# set (its lines never copied): media that send the parent messages, means at
# hand while a partner is away, parked by a drop, not expecting to be around,
# a question about what happens if the mum dies "don't ask why", working out how,
# dying as the only thing left; hurting oneself until it bleeds, starving as a
# punishment; a number of tablets taken minutes ago or a week's supply at once;
# the mind showing pictures of harm to the baby, holding a baby's nose; a child
# out in the cold in a nappy, kept in a dark room, crawling in mess, a carer off
# her head most days; "or he'd kick off", clearing the history because he checks,
# being chased, a partner driving round looking for her; no choice about sex, "he
# does it while I'm ..." with waiting for it to end, favours demanded for pay;
# a school year with a pregnancy; Welsh means ready while waiting for a partner
# to leave.
_MEDIA = r"(?:telly|tv|television|radio|adverts?|ads|songs?|lyrics|the news|newsreaders?|presenters?|number plates|billboards?|the screen)"
_LIGATURE = r"(?:hose ?pipe|hose|rope|noose|belt|ligature|charcoal|cord|dressing gown cord|flex|cable|scarf)"
_AWAY = r"\b(?:on nights|on a night shift|night shifts?|at work|away|working|go(?:es|ing)? (?:to work|out)|leaves?|leaving|out all|asleep|gone|empty|on my own|by myself|alone|nobody (?:home|here|in)|no one (?:home|here|in))\b"
CONCEPT_RULES_ROUND7: list[tuple[str, str, str | None, str]] = [
    (
        "c4.media_reference",
        "C4",
        None,
        r"\b(?P<core>"
        + _MEDIA
        + r"\b[^.?!]{0,60}\b(?:(?:talking|speaking|singing|talks|speaks|sings) (?:about|to) (?:me|us|her|him)\b(?! (?:about|through|on))"
        r"|(?:messages?|signs?|instructions|codes?|clues|warnings?) (?:for|to|about|meant for) (?:me|us|her|him|what kind of|how i)\b"
        r"|(?:picked|chosen|meant|written|played|put on) (?:just |only |specially |especially )?for (?:me|her|him)\b(?=[^.?!]{0,60}\b(?:messages?|signs?|instructions?|telling me|secret|codes?|hidden)\b)"
        r"|(?:looked|looking|staring|stares|looks) (?:right |straight |directly )?(?:at|into) (?:me|my eyes) (?:through|from|out of) the (?:screen|telly|tv))"
        # round 13: every advert or song is about the parent
        r"|\b(?:every|all the|each|all of the) (?:single )?"
        + _MEDIA
        + r"\b[^.?!]{0,30}\b(?:is|are|was|were) (?:all )?(?:about|for|aimed at) (?:me|us|her|him|the baby|my baby)\b(?! (?:lol|haha)))",
    ),
    (
        "c1.means_while_away",
        "C1",
        None,
        r"\b(?P<core>"
        + _LIGATURE
        + r"\b[^.?!]{0,30}\b(?:is|are|was|were|'s) (?:all )?(?:ready|waiting|sorted|in place|by the (?:back |front )?door|in the (?:boot|car|garage|wardrobe|shed|loft|bag)|under the bed|in my (?:bag|drawer|room)))\b",
    ),
    (
        "c1.parked_by_drop",
        "C1",
        None,
        r"\b(?P<core>(?:parked|sat|sitting|stopped|pulled (?:in|over|up)|in the car|in a lay ?by)\b[^.?!]{0,60}\b(?:(?:a |the )?(?:sheer |big |huge |long |massive |steep )?drops?|(?:cliff|quarry|roof) edge|edge of the (?:cliff|quarry|roof|car park|multi ?storey|bridge|drop|viaduct))\b)",
    ),
    (
        "c1.not_around",
        "C1",
        None,
        r"\b(?P<core>(?:i )?will not be (?:around|here) (?:to (?:use|see|watch|enjoy|need|spend|meet|hear|know|find out)|for (?:much longer|long)|much longer|by (?:then|the weekend|the morning|next week|tomorrow))|(?:i )?(?:probably |prob |might |may )?(?:not|never) (?:going to|gonna) be (?:around|here) (?:to (?:use|see|watch|enjoy|need)|for (?:much longer|long)|much longer))\b",
    ),
    (
        "c1.dont_ask_why",
        "C1",
        None,
        r"\b(?P<core>(?:if|when|after|once) (?:i|the mum|a mum|the mother|a mother|mum|mummy|the parent) (?:die|dies|died|am gone|is gone|pass away|passes away|am dead|is dead)\b[^\n]{0,100}\b(?:do not ask (?:me )?why|please do not ask|no reason|just need to know|just wondering)\b)",
    ),
    (
        "c1.working_out_how",
        "C1",
        None,
        r"\b(?P<core>(?:working|worked|work|figuring|figured|figure|planning|planned|thinking|thought) (?:out )?(?:how|when|where) (?:i would|i will|i could|i might|to) (?:do it|end it|go|not wake up)(?=\s*(?:$|[.?!,]|and (?:when|where|how))))",
    ),
    (
        "c1.only_thing_left",
        "C1",
        None,
        r"\b(?P<core>only (?:thing|way|option|answer)\b[^.?!]{0,40}\b(?:is|would be|will be) (?:dying|to die|death|ending it|to end it|killing myself|to kill myself|disappearing|to disappear|not being here))\b",
    ),
    (
        "c1.difference_if_i_go",
        "C1",
        None,
        r"\b(?P<core>(?:what is the|what|no|would it make (?:any|a)) difference (?:would it make )?(?:if|whether) i (?:actually |just |really |was |were )?(?:go|die|died|went|disappear|disappeared|gone|was gone|am gone|was not here|were not here|was dead|were dead))\b",
    ),
    (
        "c2.until_it_bleeds",
        "C2",
        None,
        r"\b(?P<core>(?:dig|digs|digging|dug|snap\w*|twang\w*|ping\w*|pick|picks|picking|picked|scratch\w*|bite|bites|biting|bit|pull\w*|scrub\w*|pinch\w*|rub\w*|claw\w*)\b[^.?!]{0,50}\b(?:until|til|till|untill) (?:it|they|i|my skin|the skin|skin)\b[^.?!]{0,6}\b(?:bleeds?|bled|bleeding|breaks?|broke|bruises?|bruised|is raw|are raw|goes raw|burns?|hurts?|marks?))",
    ),
    (
        "c2.starve_punish",
        "C2",
        None,
        r"\b(?P<core>(?:not eating|stopped eating|stop eating|starv\w*|(?:skip|skips|skipped|skipping|miss|missed|missing) (?:every |all |my |most )?meals?|refusing food|no food|barely eating|not letting myself eat|do not let myself eat)\b[^.?!]{0,30}\b(?:as (?:a )?punishment|to punish (?:myself|me)|because i (?:do not )?deserve)"
        r"|punish\w* (?:myself|me) by (?:not eating|starving|skipping meals|not letting myself eat))\b",
    ),
    (
        "c7.taken_minutes_ago",
        "C7",
        None,
        r"\b(?P<core>(?:\d+|ten|twelve|fifteen|twenty|thirty|forty|fifty|a (?:whole |full )?(?:box|packet|strip|bottle|load) of|all (?:my|the|of my)) (?:of )?(?:my |the |her |his )?(?:\w+ )?(?:"
        + _ANY_PILLS
        + r")\b[^.?!]{0,30}\b(?:\d+|ten|twenty|thirty|forty|an?|half an?|few|couple of) (?:mins?|minutes?|hours?|hrs?) ago"
        r"|(?:took|taken|take|swallowed|had|necked|downed|done) (?:my |the |her |his )?(?:whole|entire|full) (?:week|weeks|month|months|fortnight|box|packet|bottle|strip|prescription|supply)(?:'s|s)?(?: worth| supply)?(?: of)?\b[^.?!]{0,50}\b(?:all )?(?:at once|in one go|together|at the same time))\b",
    ),
    (
        "c3.mind_shows",
        "C3",
        "intrusive",
        r"\b(?P<core>(?:mind|head|brain|imagination) (?:keeps |kept |keep |just |will not stop )?(?:showing|shows|showed|show|flashing|flashes|flashed|playing|plays|played|giving|gives|gave) (?:me )?(?:pictures |images |a picture |an image |videos? |clips? |scenes? )?(?:of )?[^.?!]{0,30}\b(?:holding (?:her|him|them|the baby) under|drown\w*|throw\w*|threw|drop\w*|stab\w*|smother\w*|suffocat\w*|push\w*|hurt\w*|harm\w*|shak\w*|shook|falling|fall))",
    ),
    (
        "c3.holding_nose",
        "C3",
        "intent",
        r"\b(?P<core>(?:hold|holds|holding|held|pinch\w*|cover\w*|block\w*) (?:his|her|their|the baby's|baby's|my baby's) (?:nose|nostrils|mouth and nose|nose and mouth)\b(?=[^\n]{0,60}\b(?:cries|crying|cry|to see|stop|quiet|shut up|what is wrong with me|for a second|few seconds|seconds|on purpose)\b))",
    ),
    (
        "c6.neglect_cold",
        "C6",
        None,
        r"\b(?P<core>(?:out|outside|in the garden|on the (?:step|street|balcony)|in the yard)\b[^.?!]{0,20}\b(?:in )?(?:just |only )?(?:nappies|a nappy|their nappy|her nappy|his nappy|vests?|a vest)\b[^.?!]{0,40}\b(?:cold|night|dark|freezing|rain|snow|winter|hours)"
        r"|(?:kept|keeps|keep|left|leaves|locked|shut) (?:in|inside) (?:a |the |her |his )?(?:dark|locked|dark locked|bed)? ?room (?:all day|for hours|all the time|day and night|most of the day|every day)"
        r"|(?:crawling|sitting|sat|lying|playing) (?:round |around |about )?in (?:dog |cat |their own )?(?:mess|poo|poop|muck|filth|rubbish|sick|wee|urine|faeces))\b",
    ),
    (
        "c6.carer_off_her_head",
        "C6",
        None,
        r"\b(?P<core>(?:mum|mom|mam|dad|mother|father|she|he|they|carer|childminder|stepdad|stepmum|sister|brother|aunt|auntie|uncle|nan|nana|gran|granny|grandma|grandad|partner|boyfriend|girlfriend)\b[^.?!]{0,20}\b(?:is|are|was|were|gets|get) (?:off (?:her|his|their) (?:head|face|tits|nut)|wasted|smashed|out of it|high|drunk|paralytic|stoned)\b[^.?!]{0,20}\b(?:most|every|all) (?:days?|nights?|the time|weekends?))",
    ),
    (
        "c5.or_he_kicks_off",
        "C5",
        None,
        r"\b(?P<core>(?:or|otherwise|else|in case) (?:he|she|partner|husband|boyfriend|my partner|my husband|oh|dh|he is|he will|he would) ?(?:would|will|would have|will have|is going to|gonna|is gonna)? ?(?:kick(?:ed|s)? off|go(?:ne)? mad|go(?:ne)? mental|lose it|lost it|flip(?:ped)?|explode|exploded|hit me|go(?:ne)? off on one|go(?:ne)? ballistic|kill me))\b",
    ),
    (
        "c5.clear_history",
        "C5",
        None,
        r"\b(?P<core>(?:clear|delete|wipe|hide|erase) (?:my |the )?(?:browsing |search |internet |google |phone )?(?:history|searches|messages|texts|call log)\b[^\n]{0,80}\b(?:he|she|partner|husband|boyfriend|they|oh|dh) (?:checks|goes through|looks at|reads|watches|sees|monitors|will see|would see|will check|checks everything|goes through everything))",
    ),
    (
        "c5.chasing_me",
        "C5",
        None,
        r"\b(?P<core>(?:he|partner|husband|boyfriend|ex|fella|oh|dh|my partner|my husband|my ex) (?:is |has been |keeps |was )?(?:chasing|hunting|running after|coming after) (?:me|us)\b(?! (?:with (?:a |the )?(?:water|nerf|tickl|hoover|mop))))",
    ),
    (
        "c5.looking_for_us",
        "C5",
        None,
        r"\b(?P<core>(?:he|partner|husband|boyfriend|ex|fella|oh|dh|my partner|my husband|my ex) (?:is |has been |keeps |was )?(?:driving|walking|going|circling|out|running|searching|looking|hunting) (?:round |around |about |up and down )?(?:the \w+ )?(?:looking |searching |hunting )?(?:for (?:me|us)))\b",
    ),
    (
        "c8.no_choice",
        "C8",
        None,
        r"\b(?P<core>(?:does not|did not|never|will not|would not|do not) (?:give|gives|let|lets) me (?:any |a |the )?(?:choice|say|option)\b[^.?!]{0,25}\b(?:sex|in bed|being intimate|having it|it in bed|intimacy)"
        r"|(?:no|not any|not a) (?:choice|say) (?:about|over|in|when it comes to) (?:sex|having sex|being intimate|intimacy|it in bed))\b",
    ),
    (
        "c8.does_it_while",
        "C8",
        None,
        r"\b(?P<core>(?:he|partner|husband|boyfriend|oh|dh) (?:does it|does things|has sex with me|gets on (?:top of )?me|starts on me|uses me|takes what he wants) (?:while|when|whilst) (?:i am|i'm) (?:asleep|sleeping|feeding|breastfeeding|crying|ill|bleeding|drunk|half asleep|exhausted|nursing))\b",
    ),
    (
        "c8.favours_demanded",
        "C8",
        None,
        r"\b(?P<core>(?:unless|if|until) i (?:make it worth (?:his|their) while|sleep with (?:him|them)|have sex with (?:him|them)|do (?:stuff|things|favours?|something) (?:for|with) (?:him|them)|send (?:him |them )?(?:pics|photos|nudes|pictures)|give (?:him|them) (?:something|a favour)|go on a date with him)"
        r"|(?:keeps|kept|keep) (?:grabbing|touching|groping|feeling|squeezing) my (?:bum|bottom|arse|ass|breasts|boobs|chest|thigh|legs|crotch))\b",
    ),
    (
        "c9.school_year",
        "C9",
        None,
        r"\b(?P<core>(?:i am|i'm|im|me|still|only) (?:still |only |just )?in (?:year|yr) (?:9|10|11|nine|ten|eleven)"
        r"|(?:year|yr) (?:9|10|11|nine|ten|eleven)[,.]? (?:and )?\d+ ?(?:weeks|wks)"
        r"|hide (?:a |my |the )?bump (?:in|at|from) (?:pe|school|college|my (?:mum|dad|teachers?|form tutor))"
        r"|(?:i have|i have got|i am doing|i am sitting|got|sitting|sit|doing|before|after|during) my (?:gcses|mocks|gcse exams)\b[^.?!]{0,40}\b(?:baby|due|pregnant|bump|breastfeed\w*)"
        r"|(?:baby|due|pregnant|bump|breastfeed\w*)\b[^.?!]{0,40}\b(?:during|before|after|in the middle of|with) my (?:gcses|gcse exams|mocks))\b",
    ),
    (
        "c1.welsh_means_waiting",
        "C1",
        None,
        r"\b(?P<core>(?:belt|rhaff|cortyn|pibell|tabledi|pils|tablets)\b[^.?!]{0,20}\b(?:yn barod|'n barod|wedi (?:eu |ei )?(?:cuddio|hel|casglu|cyfri|gosod))\b(?=[^\n]{0,100}\b(?:aros|disgwyl)\b[^\n]{0,30}\b(?:fynd|adael|gysgu|waith)\b))",
    ),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND7
GENTLE_RULES_ROUND7 = frozenset(
    {
        "c1.means_while_away",
        "c1.parked_by_drop",
        "c1.not_around",
        "c1.dont_ask_why",
        "c1.working_out_how",
        "c1.only_thing_left",
        "c1.difference_if_i_go",
        "c2.until_it_bleeds",
        "c6.neglect_cold",
        "c6.carer_off_her_head",
        "c5.or_he_kicks_off",
        "c5.clear_history",
        "c9.school_year",
    }
)
REQUIRES_ROUND7 = {
    "c1.means_while_away": _AWAY,
    "c2.until_it_bleeds": r"\b(?:i|myself|my own|my skin|my arms?|my wrists?|my legs?|my hands?|my fingers?|to feel|punish\w*|feel something|feel anything)\b",
    "c5.looking_for_us": r"\b(?:ran|run|running|left|escaped|got out|hiding|hid|scared|afraid|terrified|frightened|slippers|nightie|pyjamas|sleepsuit|freezing|police|refuge|safe|help)\b",
    "c5.clear_history": r"^(?![^\n]*\b(?:present|presents|surprise|gift|birthday|christmas|anniversary|proposal)\b)",
    "c8.does_it_while": r"\b(?:close my eyes|wait (?:for it|until|til|till)|just lie|lie there|freeze|froze|frozen|somewhere else|let him|do not want|did not want|said no|say no|not want to|cannot say no|can not say no|pretend|no choice)\b",
    "c5.chasing_me": r"^(?![^\n]*\b(?:playing|game|tickl\w*|water pistol|nerf|tig|tag|hide and seek|lol|haha\w*|😂|giggl\w*|chase me)\b)",
}

# Round 8's concepts, found from round 6's blind set once it became a regression
# set (its lines never copied; each concept has its own test sentences): envy of
# the dead, "can't be bothered with living", wanting to be with a baby or a person
# who died, "whoever ends up with her", a car running in a closed garage or lock-up,
# a cord or rope kept "for me", a supply of tablets in the hand, "that's when" with
# everything ready, wishing an accident had killed her (these gentle but the car,
# "cba with living" and the accident); going off "and cutting", hiding the blood;
# "makes you want to drown your own baby", watching a baby choke, not feeding a
# baby when she should, a cover story after hurting a baby, a partner who bites
# or burns a child; "he checks my phone / search history", "he gets nasty", an ex
# who broke in, home not safe for her, "he said he's going to hurt ... me", a
# refuge tonight; "I said no ... it still happened", being made to do sexual
# things; taking a handful "of the strong ones" and feeling odd, fever with shivering or a racing heart days after a birth
# (sepsis); Welsh: a partner beating his wife, "that's when" with all ready,
# "wish it had killed me", hiding the blood.
_HIM = r"(?:he|oh|dh|my (?:partner|husband|hubby|boyfriend|bf|fella|ex|other half)|her (?:partner|husband|boyfriend|ex)|his dad|her dad|my ex|the ex)"
_TEN = r"(?:\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a dozen|a handful|handfuls|loads|a load|a bunch)"
_FEVER = r"(?:(?:temp|temperature|fever)\b[^.?!\n]{0,12}\b(?:3[89](?:\.\d)?|4[01](?:\.\d)?|sky high|really high|very high|high|through the roof)|burning up|a (?:high |raging )?fever|feverish)"
_FEVER_SIGN = r"(?:shivering|shivers|shaking|the shakes|rigors|teeth (?:are )?chattering|heart (?:is )?(?:racing|pounding|going mad|going like)|racing heart|confused|breathless|cannot catch my breath|clammy|mottled|blotchy|smelly discharge|wound (?:is )?(?:oozing|hot|red|weeping|smells))"
CONCEPT_RULES_ROUND8: list[tuple[str, str, str | None, str]] = [
    (
        "c1.envy_the_dead",
        "C1",
        None,
        r"\b(?P<core>(?:jealous|envious|envy) (?:of )?(?:people|those|everyone|anyone|them|folk|the ones) (?:who|that|who've|who'd) (?:have |has |had )?(?:died|passed|gone|are dead|did not wake up)|(?:jealous|envious) of the dead)\b",
    ),
    (
        "c1.cba_living",
        "C1",
        None,
        r"\b(?P<core>(?:cba|can not be bothered|cannot be bothered|could not be bothered|not bothered|done|over|finished|sick|fed up) (?:with |about )?(?:living|being alive|existing|life any ?more|breathing)(?! (?:room|space|wage|costs?|arrangements|situation|in|here|there|with (?:my|his|her|the|them|him|in)|at|near|so|like)))\b",
    ),
    (
        "c1.be_with_the_lost",
        "C1",
        None,
        r"\b(?P<core>(?:want|wanted|wanting|long|longing|need|needing|wish i could|just want)(?: is)? (?:to )?(?:be with|join|go to|go and be with) (?:my|our|the) (?:baby|babies|son|daughter|little girl|little boy|girl|boy|angel|twin|mum|mam|mom|dad|nan|gran|husband|partner)\b[^.?!]{0,25}\b(?:i lost|we lost|who died|that died|who passed|in heaven|up there|in the sky|actually|for real|properly)"
        # round 12: joining them, when the message says someone died (``REQUIRES``)
        r"|(?:want|wanna|need|long|longing|wish|wishing|yearn|yearning|ready|just want|only want) (?:to )?(?:join|go and join|go to|go and be with|be with|be back with|hold) (?:my|our) (?:\w+ )?(?:baby|daughter|son|girl|boy|angel|twin|little one|mum|mam|dad|husband|wife|partner|nan|brother|sister)(?: again| in heaven| up there| wherever (?:he|she|they) (?:is|are)| with the angels)?)",
    ),
    (
        "c1.whoever_has_baby",
        "C1",
        None,
        r"\b(?P<core>whoever (?:ends up with|will end up with|ends up having|ends up looking after|ends up raising|has (?:her|him|them) after|gets (?:her|him|them) after|takes (?:her|him|them) (?:on|after))|(?:so|for) whoever (?:has|gets|takes|looks after|raises) (?:her|him|them|the baby|my baby|the kids|my kids) (?:knows|will know|has|can))\b",
    ),
    (
        "c1.engine_enclosed",
        "C1",
        None,
        r"\b(?P<core>(?:in|inside) (?:the|my|a|our|his|her) (?:garage|lock ?up|shed|workshop|barn|unit)\b[^.?!]{0,40}\b(?:car|engine|motor|van) (?:is |was )?(?:running|on(?=\s*(?:$|[.?!,;]|and |with |but |now ))|going|ticking over|started)\b(?! (?:to warm|to defrost|warm|for the heater))"
        r"|(?:car|engine|motor|van) (?:is |was )?(?:running|on|ticking over)\b[^.?!]{0,25}\b(?:in|inside) (?:the|my|a|our) (?:garage|lock ?up|shed|workshop|barn)\b[^.?!]{0,30}\b(?:door(?:s)? (?:is |are )?(?:shut|closed|down)|windows? (?:up|shut)|sorry|bye|goodbye|love you))",
    ),
    (
        "c1.cord_for_me",
        "C1",
        None,
        r"\b(?P<core>(?:cord|rope|flex|cable|noose|ligature|dressing gown cord|washing line)\b[^.?!]{0,50}\b(?:in my (?:pocket|bag|bra|coat|drawer)|for me\b(?! to (?:use for|tie|hang (?:the|my|her|his) (?:washing|clothes|baskets?|pictures?)))|for later|for tonight|hidden|kept back))",
    ),
    (
        "c1.supply_in_hand",
        "C1",
        None,
        r"\b(?P<core>(?:(?:two|three|four|a|one|\d+) (?:weeks?|months?|days?|fortnights?)(?:'|s|'s)? (?:worth )?of (?:my |the |his |her |them |these |those )?(?:\w+ ){0,2}|(?:all|a handful|handfuls|a pile|a heap|the whole (?:box|packet|strip|bottle)) (?:of )?(?:my |the |his |her )?"
        + _PILLS
        + r"\b[^.?!]{0,10}?)(?:in|on) (?:my |one |the palm of my |my left |my right )?(?:hand|hands|palm|lap)\b)",
    ),
    (
        "c1.thats_when",
        "C1",
        None,
        r"\b(?P<core>(?:that is|thats|that's|this is) (?:when|the night|the day|the date|it)\b(?=[^\n]{0,80}\b(?:everything|it all|all|things|stuff) (?:is |are )?(?:ready|sorted|planned|in place|arranged|set)\b))",
    ),
    (
        "c1.wish_it_killed_me",
        "C1",
        None,
        r"\b(?P<core>(?:wish|wished|wishing|would have been (?:easier|better)|be (?:easier|better) if|easier if|better if|shame) (?:the |that |it )?(?:crash|accident|birth|labour|section|c ?-?section|illness|cancer|car|bus|lorry|it|covid|sepsis|haemorrhage|bleed|fall)\b[^.?!]{0,30}\b(?:had |would have |d )?(?:killed|taken|finished) me(?: off)?)\b",
    ),
    (
        "c2.go_and_cut",
        "C2",
        None,
        r"\b(?P<core>(?:i|and|then) (?:go|went|going|have gone|goes|go off|went off|lock myself|locked myself) (?:home |upstairs |away |off |in the (?:bathroom|toilet|loo) |to the (?:bathroom|toilet|loo) )?(?:and |to )(?:cut|burn|scratch)(?: again| myself)?(?=\s*(?:$|[.?!,;:]|and |but |then |till|until|did it|every|whenever|when)))",
    ),
    (
        "c2.hide_the_blood",
        "C2",
        None,
        r"\b(?P<core>(?:hide|hiding|hid|clean up|cleaning up|cleaned up|wipe up|wiping up|scrub|scrubbing|bleach|bleaching|soak|soaking) (?:the |all the |my |up the )?(?:blood|blood stains|bloodstains|bloody (?:tissues|towels|sheets|plasters))\b(?=[^\n]{0,60}\b(?:before|so|from|without|in case|he|she|they|oh|dh|my (?:husband|partner|wife|mum))\b))",
    ),
    (
        "c3.makes_you_want_to",
        "C3",
        "intent",
        r"\b(?P<core>(?:(?:make|makes|made|making) (?:me|a mum|a mother)|(?:do not|does not|did not|never) make (?:you|a person|someone|people)) (?:want|wanna|wanting) to (?:drown|smother|suffocate|hurt|kill|shake|throw|strangle|drop) (?:your|my|their|her|a) (?:own )?(?:baby|son|daughter|child|kid|newborn|little one|babies|kids|children))\b",
    ),
    (
        "c3.watched_danger",
        "C3",
        "intent",
        r"\b(?P<core>(?:choking|not breathing|went blue|going blue|turning blue|struggling to breathe|gasping|slipped under|under the water|face down|rolling (?:off|towards)|about to fall)\b[^.?!]{0,50}\b(?:i (?:just )?(?:watched|stood there|did nothing|waited|let (?:her|him|it))|i did not (?:help|move|pick (?:her|him) up) (?:straight away|at first|for a (?:bit|while|minute|second))))\b",
    ),
    (
        "c6.not_feeding",
        "C6",
        None,
        r"\b(?P<core>(?:i )?(?:do not|did not|never|cannot be bothered to|cba to|can not be bothered to|forget to|forgot to|keep forgetting to|skip|skipped|miss|missed) (?:feed|feeding|give (?:her|him) (?:a |her |his )?(?:bottle|feed|milk))\b(?: (?:her|him|them|the baby|my baby))?\b[^.?!]{0,40}\b(?:when i should|cannot be bothered|can not be bothered|cba|on purpose|all day|for hours|lost weight|losing weight|not gaining|hungry|screaming for it))"
        r"|\b(?P<core2>(?:i )?(?:have not|havent|havnt|not|did not|didnt|had not|hadnt) (?:fed|given (?:her|him|them) (?:a )?(?:feed|bottle|milk)) (?:(?:her|him|them|the baby|my baby) )?(?:since (?:about |around )?(?:\d|this morning|last night|yesterday|lunch|breakfast)|for (?:\d+|hours|ages|over \d+|the whole day)|all day|today))",
    ),
    (
        "c6.cover_story",
        "C6",
        None,
        r"\b(?P<core>(?:told|tell|telling|said to) (?:oh|dh|him|her|them|my (?:partner|husband|wife|mum|mam|oh)|the (?:doctor|gp|nurse|hv|health visitor|midwife|hospital|nursery|a and e)|everyone|people)\b[^.?!]{0,20}\b(?:she|he|they|the baby|baby|it) (?:fell|wriggled|rolled|slipped|fell off|banged|bumped|did it (?:herself|himself)|caught (?:herself|himself)|was an accident))\b",
    ),
    (
        "c6.bit_child",
        "C6",
        None,
        r"\b(?P<core>"
        + _HIM
        + r"\b[^.?!]{0,12}\b(?:bit|bites|biting|pinched|pinches|pinching|burnt|burned|burns|scalded|headbutted|stubbed (?:a|his) (?:cigarette|fag) (?:out )?on) (?:my |our |the |his |her )?(?:son|daughter|baby|boy|girl|little one|lo|toddler|newborn|kid|child)(?:'s|s| s)?\b)",
    ),
    (
        "c5.checks_my",
        "C5",
        None,
        r"\b(?P<core>"
        + _HIM
        + r"\b (?:checks|goes through|reads|tracks|monitors|looks through|goes on|went through|has been going through|has access to|has got access to) my (?:phone|search history|history|messages|texts|browser|emails|bank|banking|location|whatsapp|internet|laptop|searches))\b",
    ),
    (
        "c5.gets_nasty",
        "C5",
        None,
        r"\b(?P<core>"
        + _HIM
        + r"\b (?:gets|goes|turns|got|went|turned|can get|can be) (?:really |proper |very |so )?(?:nasty|violent|physical|handy|rough|scary|frightening)\b(?! (?:cold|cough|bug|virus|flu|infection|rash|hangover|headache)))",
    ),
    (
        "c5.broke_in",
        "C5",
        None,
        r"\b(?P<core>(?:he|my ex|the ex|her ex|his ex|ex)\b(?: is| has| had)?(?: already| even)? (?:broke|broken|kicked|forced|smashed) (?:his way )?(?:in|into (?:the|my|our|her) (?:house|flat|home|place|room))\b(?! (?:his|her|their|my|the|new) (?:shoes|boots|trainers|new)))",
    ),
    (
        "c5.home_not_safe",
        "C5",
        None,
        r"\b(?P<core>(?:(?:at home|home|the house|the flat|our house|my house|our flat|my flat|living with him|with him)\b[^.?!]{0,25}\b(?:not|never|no longer|is not|are not) (?:really |very |exactly )?|(?:do not|never|no longer) (?:think|feel|believe) (?:home|the house|our house|my house|it at home|the flat|our flat|living with him) is (?:really |very )?)safe for (?:me|us|my (?:baby|son|daughter|kids|children)|the (?:baby|kids|children)))\b",
    ),
    (
        "c5.said_going_to_hurt",
        "C5",
        None,
        r"\b(?P<core>"
        + _HIM
        + r"\b[^.?!]{0,50}\b(?:said|says|told me|keeps saying|is saying|screaming|shouting|threatened|threatening|texted|messaged)\b[^.?!]{0,15}\b(?:he is going to|he will|he would|he is gonna|going to|gonna)\b[^.?!]{0,30}\b(?:hurt|kill|stab|strangle|burn|smash|batter|end) (?:[^.?!]{0,15}\b)?(?:me|us|the baby|the kids|my (?:baby|son|daughter)))\b",
    ),
    (
        "c5.refuge_tonight",
        "C5",
        None,
        r"\b(?P<core>(?:need|get|go|going|find|space|room|bed|place|take|bring|come|is there|are there|any)\b[^.?!]{0,30}\brefuge\b[^\n]{0,60}\b(?:tonight|right now|now|today|asap|straight away)"
        r"|(?:tonight|right now|asap)\b[^\n]{0,60}\b(?:need|get|go|find|space|room|bed|place|take|bring)\b[^.?!]{0,30}\brefuge)\b",
    ),
    (
        "c8.said_no_still",
        "C8",
        None,
        r"\b(?P<core>(?:i )?(?:said|say|saying|told him|kept saying) no\b[^\n]{0,80}?\b(?:it still happened|it happened anyway|he (?:still |just )?(?:did it anyway|went ahead|carried on|kept going|did not stop|would not stop|did not listen|ignored me)(?=\s*(?:$|[.?!,;]|anyway|regardless|and)))\b)",
    ),
    (
        "c8.makes_me_do",
        "C8",
        None,
        r"\b(?P<core>(?:he|oh|dh|partner|husband|hubby|boyfriend|bf|fella|ex)\b[^.?!]{0,30}\b(?:makes|made|forces|forced|pressures|pressured|pushes|pushed|gets|got) me (?:to )?(?:do|perform|have|give) (?:(?:sex|sexual) (?:acts?|things|stuff)|things i (?:hate|do not want|did not want|do not like)|stuff i (?:hate|do not want|did not want|do not like)|oral|blow ?jobs?|bjs?))\b",
    ),
    (
        "c7.took_a_handful_of",
        "C7",
        None,
        r"\b(?P<core>(?:took|taken|swallowed|necked|downed|had) (?:about |like |maybe |around |nearly |at least )?"
        + _TEN
        + r"(?: or (?:\d{1,2}|\w+))? (?:of (?:the|my|his|her|them|those|these)\b[^.?!]{0,40}|(?:extra )?"
        + _PILLS
        + r"))(?=[^\n]{0,80}\b(?:on top of|feel (?:weird|funny|strange|odd|sick|dizzy|sleepy|spaced|floaty|drowsy|off)|feeling (?:weird|funny|strange|odd|sick|dizzy|sleepy|spaced|floaty|drowsy)|at once|in one go|all at once|too many|more than (?:i|you) should|over the limit|cannot keep my eyes)\b)",
    ),
    (
        "c7.sepsis_after_birth",
        "C7",
        None,
        r"\b(?P<core>"
        + _FEVER
        + r"\b[^\n]{0,80}\b"
        + _FEVER_SIGN
        + r"|"
        + _FEVER_SIGN
        + r"\b[^\n]{0,80}\b"
        + _FEVER
        + r")\b",
    ),
    (
        "c5.smothered",
        "C5",
        None,
        r"\b(?P<core>(?:held|holds|holding|put|puts|pressed|presses|pushed|pushes) (?:a |the |his |my )?(?:pillow|hand|hands|cushion|blanket|duvet) (?:over|on|against) my (?:face|mouth|nose))\b",
    ),
    (
        "c5.welsh_beats_her",
        "C5",
        None,
        r"\b(?P<core>(?:yn|'n) ei (?:churo|tharo|chicio|thagu|bwrw|mwrw|gwthio|thaflu) hi|(?:yn|'n) eu (?:curo|taro|cicio|tagu))\b",
    ),
    (
        "c1.welsh_thats_when",
        "C1",
        None,
        r"\b(?P<core>dyna (?:pryd|'r noson|'r diwrnod|'r dyddiad)|dyna'r (?:noson|diwrnod|dyddiad))\b(?=[^\n]{0,80}\b(?:pob dim|popeth|bob dim|y cwbl|y cyfan)\b[^.?!]{0,10}\b(?:yn barod|'n barod|wedi'i drefnu|wedi ei drefnu|wedi sortio|wedi trefnu)\b)",
    ),
    (
        "c1.welsh_wish_killed_me",
        "C1",
        None,
        r"\b(?P<core>wedi (?:fy|'n|yn fy) lladd(?: i)?\b(?=[^\n]{0,80}\b(?:siomedig|siom|biti|gobeithio|haws|gwell|dymuno|isio|eisiau))|(?:haws|gwell|biti)\b[^.?!]{0,60}\bwedi (?:fy|'n) lladd)",
    ),
    (
        "c2.welsh_hide_blood",
        "C2",
        None,
        r"\b(?P<core>(?:cuddio|guddio|nghuddio|chuddio)'?r (?:gwaed|briwiau|toriadau|creithiau ffres)|(?:cuddio|guddio) (?:y |fy )?(?:gwaed|briwiau|toriadau))\b",
    ),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND8
GENTLE_RULES_ROUND8 = frozenset(
    {
        "c1.envy_the_dead",
        "c1.be_with_the_lost",
        "c1.whoever_has_baby",
        "c1.cord_for_me",
        "c1.supply_in_hand",
        "c1.thats_when",
        "c2.hide_the_blood",
        "c3.makes_you_want_to",
        "c3.watched_danger",
        "c6.not_feeding",
        "c5.checks_my",
        "c5.gets_nasty",
        "c1.welsh_thats_when",
        "c1.welsh_wish_killed_me",
        "c2.welsh_hide_blood",
    }
)
REQUIRES_ROUND8 = {
    # a cover story needs something done to the baby first
    "c6.cover_story": r"\b(?:i (?:\w+ )?(?:kicked|pushed|shoved|dropped|threw|hit|shook|slapped|grabbed|squeezed|smacked|knocked|yanked|bit|pinched)|kicked|shoved|threw|shook|yanked)\b",
    # sepsis after a birth: a birth in the last weeks, a section or stitches
    "c7.sepsis_after_birth": r"\b(?:after (?:the|my|giving) birth|since (?:the|my) birth|since (?:i had|having) (?:her|him|the baby)|(?:c|emergency|planned) ?-?section|section|days? (?:after|since|postpartum|post partum|pp)|postpartum|post partum|gave birth|delivered|weeks? (?:post|after)|stitches|tear|episiotomy|placenta|just had (?:a|my|the) baby)\b",
}

# --------------------------------------------------------------------------
# Round 9's concepts, found from round 7's blind set once it became a
# regression set (its misses were read as concepts; its lines are never
# copied). Tests: ``tests/unit/safety/test_concepts.py`` (round 9), on
# sentences written for them, with the everyday sentences that must not
# trigger them.
# --------------------------------------------------------------------------
_BODY_HIDDEN = r"(?:hips?|thighs?|stomach|tummy|belly|legs?|upper arms?|arms?|ribs|sides?|feet|ankles?|chest|bum|bottom|inner \w+|wrists?|shoulders?|back)"
_HEAD_AGAINST = r"(?:wall|walls|door|door ?frame|frame|floor|table|cupboard|headboard|counter|worktop|sink|steering wheel|mirror|radiator|bannister|banister)"
_CHILD_NEAR = r"(?:him|her|them|the baby|the kids|the children|the little one|my niece|my nephew|my grandson|my granddaughter|the boys?|the girls?)"


def _welsh_rules_round9() -> list[tuple[str, str, str | None, str]]:
    """Round 9's Welsh concepts; each verb matches in any mutated form (``welsh.alternation``)."""
    from bot.safety.welsh import alternation as cy

    return [
        (
            "c5.welsh_tracks_phone",
            "C5",
            None,
            r"\b(?P<core>"
            + cy(
                "tracio", "olrhain", "tsecio", "tsiecio", "checio", "jecio", "sbïo ar", "sbio ar", "mynd drwy"
            )
            + r" (?:fy|'n|y) (?:ffôn|ffon|negeseuon|tecsts|texts|lleoliad|location|nghyfrif|cyfrif banc)|gadael (?:yn )?(?:saff|ddiogel)(?! (?:i'r|efo'r|gyda'r) (?:babi|plant)))\b",
        ),
        (
            "c7.welsh_taken_many",
            "C7",
            None,
            r"\b(?P<core>(?:wedi|'di|di|newydd|nes i|wnes i) "
            + cy("cymryd", "llyncu")
            + r" (?:tua |dros |o leia |bron |yr holl |y cwbl o'r |y cyfan o'r |pob |fy )?(?:[1-9]\d|ugain|deugain|llond llaw|pecyn cyfan|paced cyfan|bocs cyfan|potel gyfan)(?: o)? ?(?:"
            + cy("tabledi")[3:-1]
            + r"|tablets|pils|pills|paracetamol|parasetamol|ibuprofen|co-?codamol|sertraline|fluoxetine|citalopram|naproxen|codeine|amitriptyline))\b",
        ),
        (
            "c8.welsh_touched_asleep",
            "C8",
            None,
            r"\b(?P<core>"
            + cy("cyffwrdd", "cyffyrddodd", "twtsio", "twtsiad", "dwtsio")
            + r"\b[^.?!]{0,40}\b(?:"
            + cy("cysgu")[3:-1]
            + r"|yn fy nghwsg|nghwsg|cysgu'n sownd))\b",
        ),
        (
            "c1.welsh_giving_away",
            "C1",
            None,
            r"\b(?P<core>(?:"
            + cy("rhoi", "rhoid", "rhoddais")[3:-1]
            + r"|rois i|nes i roi|wnes i roi|'di rhoi|wedi rhoi) (?:dillad|petha|pethau|stwff|pob dim|popeth|fy (?:modrwy|ngemwaith|mhethau|nillad)|y cwbl|y cyfan|dillad babi|ei dillad|ei ddillad)\b[^.?!]{0,40}\bi (?:ffwrdd|fy ffrind|ffrind|mam|fy mam|fy chwaer|chwaer|nain|'r siop|elusen))\b",
        ),
        (
            "c1.welsh_all_ready",
            "C1",
            None,
            r"\b(?P<core>(?:pob dim|popeth|bob dim|y cwbl|y cyfan|pob peth)(?:'n| yn) barod)\b",
        ),
    ]


CONCEPT_RULES_ROUND9: list[tuple[str, str, str | None, str]] = [
    (
        # not caring whether one lives or dies (passive suicidal thinking)
        "c1.live_or_die",
        "C1",
        None,
        r"\b(?P<core>(?:do not|does not|did not|stopped|stop|no longer|not|barely|hardly|could not|can not) (?:really |even |much |honestly )?(?:care|caring|bothered|mind|minding|fussed)(?: any ?more)? (?:whether|if|wether|weather) i (?:live(?! (?:in|with|near|at|there|here|on|by|abroad|nearby|closer|far|next|somewhere))|die|wake up|make it|survive|am alive|am here|stay alive|exist|wake)\b(?! (?:of|laughing|trying|doing|in the attempt|from (?:embarrassment|boredom|cringe|shame))))"
        r"|\b(?P<core2>whether i live or die|if i live or die)\b(?=[^.?!]{0,40}\b(?:care|bothered|mind|matter|fussed)\b)",
    ),
    (
        # at peace with life running out
        "c1.ok_with_ending",
        "C1",
        None,
        r"\b(?P<core>(?:borrowed time|(?:my )?time (?:is )?(?:running|run) out)\b[^.?!]{0,40}\b(?:ok|okay|fine|at peace|happy|relieved|ready|glad|content)\b"
        r"|(?:ok|okay|fine|at peace|happy|ready|relieved|content) (?:with|about) (?:it|it all|my life|life|time|everything|things|all this) (?:running out|ending|being over|coming to an end|stopping)"
        r"|at peace with (?:not being here|dying|not waking up|going|leaving (?:them|everyone|this world)))\b",
    ),
    (
        # papers put together "so it's easy for them after"
        "c1.easy_for_them_after",
        "C1",
        None,
        r"\b(?P<core>(?:so|to make|make) (?:it|things|everything|life) (?:is |are |will be )?(?:easy|easier|simpler|simple|less hassle|less work) for (?:them|him|her|everyone|my (?:mum|mam|partner|husband|family|sister|kids|children|oh)|the family|whoever|my baby) (?:after|afterwards|when i am gone|once i am gone|later on|when i go|when it happens))\b",
    ),
    (
        # looking along a road, railway or bridge for the place with no barrier
        "c1.scouting_gap",
        "C1",
        None,
        r"\b(?P<core>(?:see|check|find|look(?:ing)? for|work out|spot|finding|checking|seeing|looking at|clocked|noticed) (?:which|where|what|the) (?:bit|part|spot|section|stretch|place|bridge|edge|side|point)\b[^.?!]{0,40}\b(?:no|not|without|lowest|highest|gap in the|missing|has no|is no|has not got a) (?:barrier|barriers|railing|railings|fence|fencing|rail|rails|wall|cameras?|crash barrier|netting))\b",
    ),
    (
        # self-harm done where it does not show
        "c2.where_it_does_not_show",
        "C2",
        None,
        r"\b(?P<core>(?:i )?(?:do|did|doing|done) (?:it|them) (?:on|to) (?:my )?"
        + _BODY_HIDDEN
        + r"\b[^.?!]{0,30}\b(?:so|where|that) (?:it|they|no one|nobody|he|she|people|anyone|my (?:husband|partner|mum|mam|oh|boyfriend|family|midwife)|the marks?|the scars?|the cuts?) (?:do not|does not|can not|will not|would not|never|wo not) (?:show|see|notice|sees|notices|find|spot))",
    ),
    (
        # the parent's own head hit against something, as punishment or again and again
        "c2.own_head",
        "C2",
        None,
        r"\b(?<!want to )(?<!wanna )(?<!could )(?<!like )(?<!going to )(?<!gonna )(?<!feel like )(?P<core>(?:smacked|smack|smacking|banged|bang|banging|hit|hitting|punched|punching|slammed|slamming|bashed|bashing|whacked|whacking|knocked|knocking|thumped|thumping) my (?:own )?head (?:off|against|on|into) (?!a brick wall)(?:the |a |my )?"
        + _HEAD_AGAINST
        + r"\b[^.?!]{0,40}\b(?:times|again|over and over|until|because i|cos i|coz i|cause i|on purpose|deliberately|to punish|for (?:forgetting|being|not)|when i (?:mess|forget|get))"
        r"|(?:smack|smacked|smacking|bang|banged|banging|hit|hits|hitting|punch|punched|punching|slam|slammed|slamming|bash|bashed|bashing|whack|whacked|whacking|thump|thumped|thumping) my own head)\b",
    ),
    (
        # new self-harm scars to hide
        "c2.hide_new_scars",
        "C2",
        None,
        r"\b(?P<core>(?:hide|hiding|cover|covering|cover up|covering up|conceal|concealing) (?:my |the |these |those |all (?:my|the) )?(?:self ?harm|sh|self harming) (?:scars|cuts|marks|wounds|burns))\b",
    ),
    (
        # a baby's formula watered down
        "c6.diluted_feeds",
        "C6",
        None,
        r"\b(?P<core>water(?:ing|ed|s)? (?:it |them |the (?:formula|milk|bottles?|feeds?) |his (?:formula|milk|bottles?|feeds?) |her (?:formula|milk|bottles?|feeds?) )?down|dilut\w+ (?:the |his |her |baby's )?(?:formula|milk|bottles?|feeds?)|(?:extra|more) water (?:in|into|to) (?:the |his |her )?(?:formula|bottles?|feeds?)|(?:half|less|fewer) (?:the )?(?:scoops?|powder|formula) (?:in|per|for) (?:each |the |his |her )?(?:bottles?|feeds?))\b",
    ),
    (
        # a child never taken to be seen, with signs of neglect
        "c6.never_seen",
        "C6",
        None,
        r"\b(?P<core>(?:never|does not|will not|refuses to|not|did not|has not|have not) (?:get|gets|got|take|takes|taken|took|bring|brings|brought) "
        + _CHILD_NEAR
        + r" (?:seen|checked|looked at|to (?:the |a )?(?:doctor|doctors|gp|hospital|a and e|clinic|health visitor)))\b",
    ),
    (
        # someone who controls all the money; no account of one's own
        "c5.money_control",
        "C5",
        None,
        r"\b(?<!when )(?<!if )(?<!like )(?P<core>(?:someone|somebody|a man|a partner|a person|who|partner|husband|boyfriend)\b[^.?!]{0,12}\b(?:controls|has control of|keeps|takes|holds|has) (?:all )?(?:the|my|our) (?:money|finances|bank cards?|cards|wages|benefits|child benefit|pin)\b"
        r"|(?:no|not got a|do not have a|have no|got no) (?:bank account|money|access to (?:money|the bank|my money|our money)|card) (?:of my own|in my (?:own )?name))",
    ),
    (
        # a cover story for a mark that he made
        "c5.cover_for_him",
        "C5",
        None,
        r"\b(?P<core>(?:lie|lied|lying|had to lie|made (?:something|a story|an excuse) up|made up|told (?:them|her|him|the hv|the health visitor|the midwife|the gp|the nurse|my mum|my mam|everyone|work|people|the doctor))\b[^.?!]{0,60}\b(?:mark|bruise|bruises|cut|black eye|swelling|lip|cheek|eye|arm|neck|marks))\b(?=[^\n]{0,100}\b(?:it was (?:him|his|my (?:partner|husband|boyfriend|ex|fella|oh|dh))|(?:he|my partner|my husband|my boyfriend|my ex) (?:did it|did that|caused it|hit|punched|slapped|threw|grabbed|pushed)))",
    ),
    (
        # asking for the domestic abuse line, urgently
        "c5.abuse_line_now",
        "C5",
        None,
        r"\b(?P<core>(?:number|helpline|phone number|line|contact|details|phone) (?:for|of) (?:the |a )?(?:domestic (?:abuse|violence)|women's aid|womens aid|refuge|abuse|live fear free|national domestic abuse|da)(?: people| line| helpline| service| charity| lot| place)?)\b",
    ),
    (
        # "is it still rape if it was my husband"
        "c8.is_it_still",
        "C8",
        None,
        r"\b(?P<core>is it (?:still |even |really |actually |classed as |counted as |called |technically )?(?:rape|sexual assault|assault|abuse|sexual abuse) (?:if|when|even if) (?:it was |it is |he is |he was |they are )?(?:my|your|a|the|our|her) (?:husband|partner|boyfriend|bf|oh|dh|hubby|fiance|ex|other half|baby'?s dad|wife|girlfriend)"
        r"|is it (?:still |even |really )?(?:rape|sexual assault|assault) if (?:i|you) (?:said no|did not want|do not want|was asleep|were asleep|froze|cried|did not say no|was drunk|were drunk))\b",
    ),
    (
        # how to report one's rape
        "c8.report_rape",
        "C8",
        None,
        r"\b(?P<core>(?:how|where|can|could|should|do) (?:do |can |could |should |would )?i (?:still |even )?(?:report|tell (?:the )?police about|go to the police about) (?:a |my |the |being |what happened\W{0,3})?(?:rape|raped|sexual assault|sexually assaulted|assault))\b",
    ),
    (
        # asked whether it was consensual, and it was not
        "c8.consensual_question",
        "C8",
        None,
        r"\b(?P<core>(?:asked|asks|ask|asking) (?:me )?(?:if|whether) (?:it|sex|the sex|everything|things) (?:was|is|were) (?:consensual|consented|ok with me|with my consent))\b",
    ),
    (
        # a young person asking about having a baby at 15, a "young mum (16)"
        "c9.young_parent",
        "C9",
        None,
        r"\b(?P<core>(?:have|having|keep|keeping|be|being) (?:a|my|the|this) (?:baby|mum|mam|mom|parent) at (?:1[2-5]|twelve|thirteen|fourteen|fifteen)\b"
        r"|can (?:a|you|i) (?:1[2-5]|twelve|thirteen|fourteen|fifteen)(?: year old| yr old| yo)? (?:breastfeed|breast feed|get pregnant|have a baby|be a mum|be a mam|keep (?:her|my|the) baby|give birth|get the pill)"
        r"|(?:young|teen|teenage|underage) (?:mum|mam|mom|parent|mother|dad)\W{0,3}(?:1[2-6])\b(?! (?:weeks|wks|months|days|year old (?:baby|son|daughter))))",
    ),
    (
        # the parent's own funeral rehearsed or pictured
        "c1.own_funeral",
        "C1",
        None,
        r"\b(?P<core>(?:rehears\w*|imagin\w*|picturing|picture|planning|plan|planned|daydream\w* about|thinking about|think about|visualis\w*) (?:my own|my) funeral)\b(?! (?:wishes|plan|plans|insurance|policy|cover|costs?)\b)",
    ),
    *_welsh_rules_round9(),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND9
GENTLE_RULES_ROUND9 = frozenset(
    {
        "c1.ok_with_ending",
        "c1.easy_for_them_after",
        "c1.scouting_gap",
        "c1.own_funeral",
        "c6.diluted_feeds",
        "c6.never_seen",
        "c5.money_control",
        "c8.consensual_question",
        "c9.young_parent",
        "c5.welsh_tracks_phone",
        "c1.welsh_giving_away",
        "c1.welsh_all_ready",
    }
)
REQUIRES_ROUND9 = {
    # papers for after: with a letter, a note or a goodbye
    "c1.easy_for_them_after": r"\b(?:envelope|letters?|note|notes|goodbye|sorry|love you|bye|red book|birth cert\w*|passwords?)\b",
    # scars to hide: new ones
    "c2.hide_new_scars": r"\b(?:new|fresh|recent|this week|last night|yesterday|still (?:healing|bleeding|raw|red)|days? old|weeks? old|healing|scabbed)\b",
    # diluted feeds: a baby's formula or milk
    "c6.diluted_feeds": r"\b(?:formula|milk|bottles?|feeds?|scoops?)\b",
    # not seen by a doctor: with signs of neglect
    "c6.never_seen": r"\b(?:sores?|blisters?|thin|skinny|filthy|dirty|rash|bruis\w*|infected|weight|starving|hungry|smell\w*|neglect\w*|bleeding|burns?|limping)\b",
    # the abuse line: asked for now, or with him near
    "c5.abuse_line_now": r"\b(?:now|tonight|asap|urgent\w*|quick|quickly|he is|on his way|scared|terrified|help me|please|hurry)\b",
    # asked whether it was consensual: and it was not
    "c8.consensual_question": r"\b(?:cried|crying|froze|could not answer|did not answer|lied|it (?:is|was) ?nt|it (?:is|was) not|isnt|wasnt|how do (?:you|i) (?:tell|say))\b",
    # giving things away in Welsh: with calm, goodbyes or not needing them
    "c1.welsh_giving_away": r"\b(?:tawel|dawel|tawelwch|heddwch|barod|sori|sorri|hwyl fawr|am y tro ola|am y tro olaf|dim angen|fydda i ddim|wna i ddim)\b",
    # all ready in Welsh: with the baby placed, bills paid or a goodbye
    "c1.welsh_all_ready": r"\b(?:sori|sorri|hwyl fawr|biliau|bils|'di talu|wedi talu|di talu|efo nain|gyda mam|efo mam|at nain|gyda nain|caru chi|maddau|maddeuwch)\b",
}


def _welsh_rules_round10() -> list[tuple[str, str, str | None, str]]:
    """Round 10's Welsh concepts; each verb matches in any mutated form (``welsh.alternation``)."""
    from bot.safety.welsh import alternation as cy

    return [
        (
            # "I won't be here much longer"
            "c1.welsh_not_here_long",
            "C1",
            None,
            r"\b(?P<core>(?:fydda i|fyddai|bydda i|byddaf|fyddaf|fydda'i|na fyddaf|na fydda i|fyddwn i) (?:ddim |i )?(?:yma|o gwmpas|yma efo chi|yma gyda chi) (?:lawer|yn hir|llawer|yn llawer|am lawer) ?(?:hirach|mwy|rhagor|eto))\b",
        ),
        (
            # not eating as a punishment, "I deserve it"
            "c2.welsh_starve_punish",
            "C2",
            None,
            r"\b(?P<core>(?:"
            + cy("gwrthod", "peidio")
            + r"|dim|ddim|heb) (?:yn )?"
            + cy("bwyta")
            + r"\b[^.?!\n]{0,80}\b(?:fel|yn) (?:cosb|gosb|nghosbi|cosbi)\b)"
            r"|\b(?P<core2>(?:"
            + cy("llwgu")
            + r"|(?:dim|ddim|heb) (?:yn )?"
            + cy("bwyta")
            + r")\b[^.?!\n]{0,80}\b(?:dwi'n|dw i'n|rwy'n|fi'n) (?:haeddu|heuddu))",
        ),
        (
            # a partner or relative hitting a child, the child after the verb
            "c6.welsh_hits_child",
            "C6",
            None,
            r"\b(?P<core>"
            + cy("taro", "bwrw", "curo", "slapio", "ysgwyd", "cicio", "dyrnu")
            + r"(?! draw| heibio| mewn| i mewn| ar)(?:'n|'r| yn| y| ein| fy| ei)? ?(?:mab|mhab|fab|merch|ferch|babi|fabi|mabi|plentyn|blentyn|mhlentyn|un bach|un fach|bychan|fychan|hogyn|hogan|bachgen|fachgen))\b"
            r"(?=[^\n]{0,120}\b(?:pan|bob tro|pob tro|weithiau|am|achos|oed|mae'n|mae o|mae e|dechrau|colli ei dymer|gwylltio)\b)",
        ),
        (
            # feeling, breathing, talking or acting oddly ("od"): after tablets, or a sign in someone
            "c7.welsh_odd",
            "C7",
            None,
            r"\b(?P<core>"
            + cy("teimlo", "siarad", "anadlu", "bihafio", "ymddwyn", "hongian", "symud")
            + r"(?:'n| yn) od)\b(?! (?:o braf|o neis|o hapus))",
        ),
        (
            # a child who has swallowed something dangerous, now
            "c7.welsh_child_swallowed",
            "C7",
            None,
            r"\b(?P<core>(?:wedi|di|newydd) (?:cael gafael ar|gael gafael ar|"
            + cy("llyncu", "bwyta", "yfed", "cnoi")[3:-1]
            + r") (?:un o'r |un o |rhai o'r |darn o |peth |y |yr |'r )?(?:tabledi golchi|tabled golchi|tablets golchi|pod golchi|pods golchi|capsiwl golchi|bleach|cannydd|batri|fatri|magnet|magnedau|tabledi|dabledi|tabled|pils|moddion|foddion|paracetamol|parasetamol|calpol))\b"
            r"(?=[^\n]{0,120}\b(?:babi|bychan|un bach|un fach|mab|merch|plentyn|hi|o|fo|e)\b)"
            r"(?=[^\n]{0,160}\b(?:ceg|geg|pesychu|chwydu|sâl|sal|anadlu|crio|rownd|wyneb|gwefusau|cysglyd)\b)"
            r"|\b(?P<core2>(?:stwff|hylif|tabledi|tabled|pod|pods|powdwr|capsiwl) (?:golchi|glanhau)(?: peiriant| llestri| dillad)?|cannydd|bleach)\b[^.?!\n]{0,30}\b(?:rownd|o gwmpas|yn|ar|dros) (?:ei|ei holl) (?:geg|cheg|wefusau|gwefusau|wyneb)\b",
        ),
    ]


CONCEPT_RULES_ROUND10: list[tuple[str, str, str | None, str]] = [
    (
        # wishing or hoping not to wake up (the form "i would not wake up")
        "c1.wish_not_wake",
        "C1",
        None,
        r"\b(?P<core>(?:wish|wishing|wished|hope|hoping|hoped|pray|praying|prayed) (?:that )?i (?:would not|will not|did not|do not|could not|never|would never|might not) (?:wake|woke|wake up|woke up)(?! (?:late|early|in time|on time|too|before|after|at \d|until|till|when|if|the baby|him|her|them))|(?:wish|wishing|hope|hoping|pray|praying) (?:i could|to) (?:just )?(?:go to sleep|sleep|fall asleep) and (?:not|never) (?:wake|come back))\b",
    ),
    (
        # taking what one has saved up (the stash named by "saved")
        "c1.take_saved",
        "C1",
        None,
        r"\b(?P<core>(?:take|taking|swallow|swallowing|have|having|down|neck) (?:everything|all|all of what|the lot|all the ones|all the stuff|what) (?:that )?i (?:have|had|have been|had been|ve been)? ?(?:saved|saving|stored|storing|kept|keeping|stockpiled|stockpiling|hoarded|hoarding|collected|collecting|put by|put aside|stashed)(?: up)?)\b",
    ),
    (
        # "what if i just let go" with the baby held above a drop; letting go on purpose
        "c3.let_go",
        "C3",
        "harm",
        r"\b(?P<core>what if i (?:just |simply )?(?:let (?:go|him go|her go|them go)|opened my (?:arms|hands)|loosen(?:ed)? my grip)"
        r"|let go of (?:him|her|the baby|them|my baby)\b[^.?!]{0,40}\b(?:on purpose|i wanted to|deliberately|from (?:\w+ ){0,2}height|over the (?:cot|stairs|bannister|banister|balcony|bath))"
        r"|(?:on purpose|deliberately) let (?:go of )?(?:him|her|the baby|them|my baby)(?: go| fall| drop)?)\b",
    ),
    (
        # a baby's feeds withheld or "forgotten" on purpose
        "c3.feeds_withheld",
        "C3",
        "harm",
        r"\b(?P<core>(?:forgetting|forget|forgot|skipping|skip|skipped|missing|miss|missed|delaying|delay|delayed|cutting|cut|holding back|hold back|held back|stretching|stretched) (?:out )?(?:some of )?(?:his|her|their|the baby's|the babys|my baby's|the) (?:night |morning |evening |bedtime |dream |daytime )?(?:feeds?|bottles?|milk)\b[^\n]{0,100}\b(?:on purpose|deliberately|i do not think (?:it is|its) forgetting|not really forgetting|not forgetting|do not want (?:her|him|them) to (?:grow|eat|feed|gain|live)|want (?:her|him|them) to (?:stop|go hungry|starve|be hungry))"
        r"|(?:do not|did not|never) want (?:her|him|them|the baby) to (?:grow|gain weight|put on weight|thrive|feed)\b(?=[^\n]{0,120}\b(?:feeds?|bottles?|milk|weight|weigh|hungry)\b))",
    ),
    (
        # cameras or devices hidden in the home to watch the baby or the parent
        "c4.hidden_cameras",
        "C4",
        None,
        r"\b(?P<core>(?:put|putting|hidden|hid|hiding|installed|installing|planted|planting|there are|there is|has|have) (?:a |some |tiny |secret |little )?(?:cameras?|microphones?|mics?|bugs?|trackers?|listening devices?) (?:in|inside|behind|into) (?:the |our |my |her |his )?(?:smoke alarms?|light fittings?|lights?|walls?|plug sockets?|sockets?|ceiling|mirrors?|baby monitor|tv|telly|teddy|cot|vents?|fire alarm))\b"
        r"(?![^.?!]{0,40}\b(?:for (?:the )?(?:security|insurance)|doorbell|ring doorbell|nanny cam|we (?:put|installed|bought)|i (?:put|installed|bought))\b)",
    ),
    (
        # the radio or TV playing one's own songs or thoughts back
        "c4.media_plays_back",
        "C4",
        None,
        r"\b(?P<core>(?:radio|tv|telly|television|spotify|youtube|the adverts?|the news|songs) (?:keeps |is |keep |are |was |were )?(?:playing|saying|repeating|reading|copying|using) (?:my|our|me) (?:own )?(?:songs?|thoughts|words|ideas|name|music|lyrics)(?: back)?(?: to (?:me|us))?)\b",
    ),
    (
        # severe headache with vision changes or swelling in late pregnancy or after birth (pre-eclampsia)
        "c7.preeclampsia_signs",
        "C7",
        None,
        r"\b(?P<core>(?:headache|head ache|head is pounding|pounding head|migraine|head is killing)\b[^\n]{0,80}\b(?:blurry|blurred|blurring|flashing lights?|flashes|seeing stars|spots in (?:my|front)|vision|can not see properly|swollen|swelling|puffy)"
        r"|(?:blurry|blurred|flashing lights?|seeing stars|vision)\b[^\n]{0,80}\b(?:headache|head ache|head is pounding|migraine)"
        r"|(?:cur pen|pen tost|meigryn|pen yn curo)\b[^\n]{0,80}\b(?:methu gweld|ddim yn gweld yn iawn|golwg (?:yn )?(?:niwlog|aneglur|od)|smotiau|sêr|goleuadau|chwyddo|wedi chwyddo|chwyddedig))\b"
        r"(?=[^\n]{0,160}\b(?:[2-4]\d (?:weeks|wks|w|wythnos)\b|beichiog|feichiog|ar (?:ôl|ol) geni|ers geni|pregnant|pregnancy|weeks gone|since (?:the|giving) birth|after (?:the|giving) birth|days? (?:after|since|postpartum|pp)|postpartum|post partum|bump|labour|c section|section)\b)",
    ),
    (
        # a young child left with another child at night or while the parent goes out
        "c6.left_with_child",
        "C6",
        None,
        r"\b(?P<core>(?:leave|leaving|left|leaves) (?:my |the |our |her |his )?(?:baby|newborn|little one|toddler|"
        + _CHILD_AGE
        + r"|(?:\d|to|one|two|three|four) ?(?:yr|year|y)[ -]?old)\b[^.?!]{0,30}\b(?:with|in charge of|minding) (?:my |her |his |our |the )?(?:[5-9]|1[0-2]|five|six|seven|eight|nine|ten|eleven|twelve)[ -]?(?:yr|year|y)[ -]?old)\b"
        r"(?=[^\n]{0,120}\b(?:night|nights|go out|going out|went out|pub|club|party|all day|overnight|for hours|weekend|work)\b)",
    ),
    (
        # degrading names from a partner, habitually or in front of others
        "c5.degrading_names",
        "C5",
        None,
        r"\b(?P<core>(?:called|calls|calling|call) me (?:a |an )?(?:(?:fat|useless|stupid|thick|ugly|lazy|disgusting|worthless|pathetic|fucking|f\w*ing|dirty|mental|psycho|crazy|rubbish|bad|shit|crap) ?)+(?:cow|bitch|slag|whore|slut|cunt|tramp|pig|mother|mum|mam|idiot|waste of space|nothing|failure|mess|freak)s?)\b"
        r"(?=[^\n]{0,140}\b(?:all the time|every day|everyday|always|again|in front of|constantly|since|whenever|when he|if i|his mates|his family|the kids|the baby|nonstop|non stop)\b)",
    ),
    (
        # one's own pay or benefits paid into his account; an allowance doled out and checked
        "c5.pay_to_him",
        "C5",
        None,
        r"\b(?P<core>(?:my|our) (?:maternity pay|mat pay|wages|salary|pay|benefits|child benefit|universal credit|uc|pip|money) (?:goes|go|went|is paid|gets paid|are paid|get paid|has to go|have to go) (?:straight |directly |all )?(?:into|in to|to) (?:his|her|their) (?:account|bank|card)"
        r"|(?:he|she|partner|husband|boyfriend) (?:gives|lets) me (?:\d+|a tenner|a fiver|twenty|ten|fifty)(?: pounds| quid)? (?:a|per|each|every) (?:week|month|fortnight)\b(?=[^\n]{0,100}\b(?:check\w*|receipts?|every (?:item|penny|thing)|for me and the baby|that is it|nothing else|allowed|account)\b))",
    ),
    (
        # made to cut off family or friends
        "c5.made_to_cut_off",
        "C5",
        None,
        r"\b(?P<core>(?:he|she|partner|husband|boyfriend|bf|fella|oh|dh|wife|girlfriend) (?:is |has |had |have )?(?:made|makes|making|forced|forces|told) me (?:to )?(?:block|unfriend|delete|stop (?:seeing|talking to|speaking to|texting|messaging)|cut off|cut out|drop|ignore) (?:my |all my |me )?(?:sister|sisters|brother|mum|mam|mom|mother|dad|family|friends?|mates|best friend|nan|auntie|cousin))\b",
    ),
    (
        # kept at home: the car keys hidden or taken, not out further than the garden
        "c5.kept_in",
        "C5",
        None,
        r"\b(?P<core>(?:takes|took|hides|hid|hiding|taking|keeps|kept|locks away|locked away|has) (?:the |my |both |all the )?(?:sets? of )?(?:spare )?(?:car )?keys?\b[^\n]{0,80}\b(?:can not|could not|so i|not allowed|have not been|not been|never) (?:go|get|leave|been|going|out|anywhere|further)"
        r"|(?:have not|not|never|barely) been (?:further|out) (?:than|past|beyond) (?:the )?(?:garden|front door|back door|doorstep|gate|end of the (?:road|street|drive))\b(?=[^\n]{0,120}\b(?:he|his|partner|husband|keys?|car|allowed|let me)\b))",
    ),
    (
        # rent or a debt to be paid "another way" (sexual exploitation)
        "c8.pay_another_way",
        "C8",
        None,
        r"\b(?P<core>(?:pay|paying|settle|settling|cover|covering|work off|make up) (?:the |my |it |for it |for the )?(?:rent|debt|bill|money|deposit|arrears|it)? ?(?:another|a different|some other|other|in another|in other) (?:way|ways|kind of way)|(?:pay|paying) (?:the |my )?(?:rent|it) in kind)\b(?![^.?!]{0,25}\b(?:by|via|with|using|through|online|card|cash|bank|transfer|paypal|direct debit|instalments?|installments?|standing order|cheque)\b)",
    ),
    (
        # sexual trauma in the past that is hurting now (exams, smears, flashbacks)
        "c8.past_now",
        "C8",
        None,
        r"\b(?P<core>(?:because of|since|after) what (?:happened|he did|they did|was done)(?: to me)? (?:when i was (?:younger|a (?:kid|child|teen\w*|girl)|little|at school|\d+)|as a (?:kid|child|teen\w*)|in my teens))\b"
        r"(?=[^\n]{0,160}\b(?:smears?|internals?|examination|exam|examined|stitches|checked down there|touch(?:ed|ing)?|panic\w*|flashbacks?|freeze|froze|shaking|can not stop crying|sex|intimate)\b)",
    ),
    *_welsh_rules_round10(),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND10
GENTLE_RULES_ROUND10 = frozenset(
    {
        "c3.feeds_withheld",
        "c7.preeclampsia_signs",
        "c6.left_with_child",
        "c5.degrading_names",
        "c5.pay_to_him",
        "c5.kept_in",
        "c8.past_now",
        "c1.welsh_not_here_long",
        "c7.welsh_odd",
    }
)
REQUIRES_ROUND10: dict[str, str] = {
    # "what if i let go": a drop near, or wanting to, or fear of it
    "c3.let_go": r"\b(?:window|windows|stairs|balcony|bannister|banister|floor|height|bridge|cot|drop|edge|landing|wanted to|on purpose|deliberately|scared|scares|terrif\w*|horrif\w*)\b",
    # rent paid "another way": a landlord or a man asking it
    "c8.pay_another_way": r"\b(?:landlord|he|him|his|owe|owed|short|behind)\b",
}


def _welsh_rules_round11() -> list[tuple[str, str, str | None, str]]:
    """Round 11's Welsh concepts; each verb matches in any mutated form (``welsh.alternation``)."""
    from bot.safety.welsh import alternation as cy

    return [
        (
            # leaving this world ("gadael y byd 'ma")
            "c1.welsh_leave_world",
            "C1",
            None,
            r"\b(?P<core>"
            + cy("gadael", "ymadael")
            + r" (?:y byd|'r byd|y bywyd|'r bywyd)(?: (?:yma|'ma|ma|hwn|hwn 'ma))?)\b"
            r"(?![^.?!\n]{0,30}\b(?:gwaith|swydd|dref|tre|pentre|ardal|cymru)\b)",
        ),
        (
            # a goodbye: thanks for everything, and someone asked to look after the baby
            "c1.welsh_look_after_for_me",
            "C1",
            None,
            r"\b(?P<core>(?:"
            + cy("edrych", "gofalu", "cymryd gofal")
            + r"|edrychwch|gofalwch|drychwch|edrycha|gofala) (?:ar ôl|ar ol|am|o) [^.?!\n]{1,40}? (?:i fi|i mi|drosta i|drostai|ar fy rhan))\b",
        ),
        (
            # medicines bought from several shops, so nobody asks
            "c1.welsh_several_shops",
            "C1",
            None,
            r"\b(?P<core>(?:o|mewn|yn) (?:dair|tair|ddwy|dwy|bedair|pedair|sawl|wahanol|gwahanol|\d) (?:siop|fferyllfa|siopau|fferyllfeydd)(?: (?:wahanol|gwahanol))?\b[^\n]{0,60}\b(?:fel bod neb|fel na fydd neb|rhag i neb)"
            r"|(?:paracetamol|parasetamol|baracetamol|tabledi|dabledi|pils|moddion)\b[^.?!\n]{0,40}\b(?:o|mewn) (?:dair|tair|ddwy|dwy|bedair|pedair|sawl|wahanol|\d) (?:siop|fferyllfa|siopau))\b",
        ),
        (
            # a question about a mother dying, "asked for a reason"
            "c1.welsh_asking_reason",
            "C1",
            None,
            r"\b(?P<core>(?:gofyn|holi) am (?:reswm|rheswm)|gen i fy rhesymau|mae gen i reswm)\b",
        ),
        (
            # a baby or child who has choked and makes no sound or turns blue
            "c7.welsh_choked",
            "C7",
            None,
            r"\b(?P<core>(?:wedi |di |yn )?"
            + cy("tagu")
            + r"\b[^\n]{0,80}\b(?:dim sŵn|dim swn|ddim yn gwneud (?:unrhyw |dim )?(?:sŵn|swn)|ddim yn neud (?:unrhyw |dim )?(?:sŵn|swn)|methu anadlu|ddim yn anadlu|troi'n las|mynd yn las|yn las|wedi glasu|llipa))\b",
        ),
        (
            # a leg red, hot or swollen and short of breath, after a birth (a clot)
            "c7.welsh_leg_breath",
            "C7",
            None,
            r"\b(?P<core>(?:coes|goes|nghoes|croth y goes|calf)\b[^\n]{0,60}\b(?:goch|coch|poeth|boeth|chwyddedig|wedi chwyddo|chwyddo)\b[^\n]{0,80}\b(?:fyr o wynt|byr o wynt|allan o wynt|methu anadlu|methu cael fy ngwynt|poen yn fy mrest|brest yn dynn))\b",
        ),
        (
            # a tablet, pod or battery gone missing, and a child's mouth red or sick
            "c7.welsh_missing_item",
            "C7",
            None,
            r"\b(?P<core>(?:tabled|dabled|tabledi|dabledi|pod|batri|fatri|bilsen|pilsen|capsiwl)\b[^.?!\n]{0,40}\bar goll)\b",
        ),
        (
            # a new mother confused, days after a birth
            "c4.welsh_confused",
            "C4",
            None,
            r"\b(?P<core>(?:wedi|di|yn) (?:drysu|ddrysu)(?: yn llwyr| i gyd| yn lân)?|(?:wedi|di)'n (?:drysu|ddrysu)|yn ddryslyd)\b",
        ),
        (
            # unwanted thoughts of touching the baby wrongly, that horrify
            "c3.welsh_sexual_intrusive",
            "C3",
            "intrusive",
            r"\b(?P<core>(?:meddylia|meddyliau|meddwl|meddylie|lluniau|delweddau)\b[^.?!\n]{0,40}\b(?:cyffwrdd|gyffwrdd|chyffwrdd)\b[^.?!\n]{0,30}(?:anghywir|amhriodol|rhywiol|yn y ffordd anghywir))\b",
        ),
        (
            # a young person's age at the start, "14 oed"
            "c9.welsh_age_start",
            "C9",
            None,
            r"^(?:haia |helo |hi )?(?P<core>(?:1[2-5]|deuddeg|tair ar ddeg|pedair ar ddeg|pymtheg|pymtheng) (?:oed|mlwydd oed|blwydd oed))\b(?! (?:o|yn|sydd) (?:babi|plentyn|mab|merch))",
        ),
    ]


# Words of means at hand (medicines by name, heights, cords): what a "nerve" or a
# stash is for.
_MEANS_NEAR = (
    r"(?:" + _ANY_PILLS + r"|co ?codamol|the lot|them all|all of them"
    r"|bridge|edge|cliff|drop|ledge|roof|railway|tracks?|train|motorway|river|rope|cord|belt|ligature|jump|do it|go through with it|end it)"
)

# Harm to the baby seen when the eyes close (c3.images_of_harm, round 12): either order.
_EYES_SHUT = r"(?:close|shut|closing|shutting) (?:my|me|your) eyes"
_BABY_SEEN_HARMED = (
    r"(?:my own |me own |your own |my |the |our |your )?"
    + _BABY
    + r" (?:being |getting )?(?:hurt|harmed|killed|drowned|dropped|injured|dead|crushed|stabbed|smothered|burned|burnt)"
)
CONCEPT_RULES_ROUND11: list[tuple[str, str, str | None, str]] = [
    (
        # wishing a vehicle would hit one ("wish a car would knock me over")
        "c1.wish_vehicle",
        "C1",
        None,
        r"\b(?P<core>(?:wish|wishing|wished|hope|hoping|pray|praying|want|wanting|would not mind if|would not care if|do not mind if|do not care if) (?:that )?(?:a|the|some|one of the) (?:\w+ )?(?:bus|car|lorry|truck|van|train|taxi|tractor|artic) (?:would|will|could|might|to|just)? ?(?:just |actually |finally )?(?:hit|hits|clip|clips|clipped|knock|knocks|knocked|run|runs|ran|take|takes|took|flatten|plough|plow|mow|wipe|smash|smashes|slam|slams|skid|skids|swerve|swerves) (?:me|into me|over me|me out|me down|me over|me off))\b",
    ),
    (
        # trading places with the dead ("swap places with anyone in a coffin")
        "c1.swap_with_dead",
        "C1",
        None,
        r"\b(?P<core>(?:swap|swapped|swapping|trade|traded|trading|switch|switching|change|changing) (?:places|place|lives|spots) with (?:anyone|anybody|someone|somebody|the people|people|them|those|whoever|the ones|the person|a person)\b[^.?!]{0,25}\b(?:coffins?|graves?|cemetery|ground|died|dead|dying|passed|funeral|hospice|terminal|in heaven|in the morgue))\b",
    ),
    (
        # headbutting things, the parent's own head as the weapon
        "c2.headbutt",
        "C2",
        None,
        r"\b(?P<core>(?:i |i have |i had |i just |keep |kept |i keep |i kept |i sometimes |i often |i then |i go and |i went and )(?:headbutt|headbutted|headbutting|head butt|head butted|head butting|nut|nutted) (?:the |a |my |our )?(?:\w+ )?"
        + _HEAD_AGAINST
        + r")\b",
    ),
    (
        # coughing up blood, or breath that will not come, days or weeks after a birth (a clot in the lungs)
        "c7.postnatal_breath_blood",
        "C7",
        None,
        r"\b(?P<core>(?:coughed|coughing|cough|coughs|bringing|brought|spat|spitting) up (?:a (?:bit|little|lot) of |some |bits of |specks of |)(?:blood|bloody|red)"
        r"|(?:suddenly|all of a sudden|out of nowhere|really|so) (?:i )?(?:can not|cannot|could not|struggling to|struggle to|unable to) (?:catch|get) (?:my )?breath"
        r"|(?:sharp|stabbing) (?:pain )?(?:in my )?(?:chest|ribs?)\b[^.?!]{0,40}\b(?:when i breathe|breathing in|breathe in|out of breath|breathless))\b",
    ),
    (
        # tablets set out in a container ("put the tablets in a bowl"), not a dose
        "c1.means_in_container",
        "C1",
        None,
        r"\b(?P<core>(?:put|putting|tipped|tipping|emptied|emptying|poured|pouring|popped|popping|pushed|pushing|counted|counting|lined|lining|piled|piling|laid|laying|set|setting) (?:all |out )?(?:of )?(?:the|my|all my|all the|both|these|those|them|every one of the|each of the)? ?(?:\w+ )?(?:tablets?|pills?|meds|capsules|painkillers|them)(?: all)? (?:out )?(?:into|in|onto|on|out on) (?:a|the|my|one|this) (?:bowl|cup|glass|mug|pile|jar|dish|saucer|plate|heap|row|line|tub|ramekin|sandwich bag|bag))\b"
        r"(?![^.?!]{0,40}\b(?:for (?:the|my) (?:week|pharmacist|pharmacy|doctor|gp|chemist|return|recycling|disposal|to take back)|to take back|to return|dosette|organiser|organizer|pill box|pillbox|to sort)\b)",
    ),
    (
        # working up the nerve or courage, with means near
        "c1.nerve_with_means",
        "C1",
        None,
        r"\b(?P<core>(?:work|working|worked|build|building|built|get|getting|got|pluck|plucking|plucked|find|finding|summon|summoning|muster|mustering) up (?:the )?(?:nerve|courage|guts|bottle|balls)|(?:waiting|wait) (?:for|until|till) i have the (?:nerve|courage|guts))\b(?! (?:to (?:ring|call|phone|text|ask|tell|talk|speak|book|go to|see|message|email|contact|apply|say|leave him|leave her|report)))",
    ),
    (
        # a last goodnight or goodbye to the baby, said as the last
        "c1.last_goodnight",
        "C1",
        None,
        r"\b(?P<core>(?:(?:kissed|kiss|hugged|cuddled|tucked|held|said goodnight to|said good night to|said goodbye to|said bye to|told) "
        + _BABY
        + r"|said (?:goodnight|good night|goodbye|bye|night night))\b[^.?!]{0,40}?[.?!,]? ?(?:that|it|this) (?:was|is|will be|will have been) (?:the|my) (?:last|final) (?:one|time|goodnight|good night|goodbye|kiss|cuddle)"
        r"|(?:kissed|hugged|cuddled|held|said goodnight to|said goodbye to) "
        + _BABY
        + r" (?:for the |one )(?:last|final) time)\b",
    ),
    (
        # driving off the road or into something, wanted or tempted
        "c1.drive_off",
        "C1",
        None,
        r"\b(?<!ever get the )(?<!ever have the )(?<!ever had the )(?P<core>(?:want|wanting|wanted|tempted|urge|urges|feel like|felt like|could so easily|could easily) (?:to )?(?:just )?(?:drive|driving|drove|swerve|swerving|steer|steering|veer|veering|crash|crashing|turn|turning|yank|yanking) (?:the (?:car|wheel) )?(?:off|into|in to|across|over) (?:the |a |an |that |oncoming )?(?:road|bridge|wall|tree|lorry|motorway|central reservation|cliff|edge|barrier|river|sea|reservoir|quarry|embankment|oncoming|traffic|ditch|verge|lamppost|pillar))\b",
    ),
    (
        # medicines being collected or hoarded ("been collecting them")
        "c1.collecting_meds",
        "C1",
        None,
        r"\b(?P<core>(?:been|have been|ve been|keep|kept|started|am|i am|secretly|quietly) (?:collecting|hoarding|stockpiling|stashing|squirrelling|squirreling|saving|saving up|gathering|storing|putting by|putting aside|hiding) (?:them|these|those|(?:my |the |all my |all the |up my |up the )?(?:\w+ )?(?:"
        + _ANY_PILLS
        + r"|prescriptions?|co ?codamol)))(?: up| away| aside)?\b\b"
        r"(?![^.?!]{0,40}\b(?:for (?:the )?(?:baby|teething|emergencies|a rainy day|holiday|when (?:she|he|the baby))|in case (?:she|he|the baby)|recycling|to return|to take back|for the chemist|for the pharmacy)\b)",
    ),
    (
        # a child who has swallowed something that may be a pill, a battery or a magnet
        "c7.swallowed_maybe",
        "C7",
        None,
        r"\b(?P<core>"
        + _CHILD_SUBJ
        + r"\b[^.?!]{0,40}?\b(?:swallowed|ate|eaten|has eaten|put (?:it|something) in (?:his|her) mouth|chewed|had) (?:something|some|one|it|a thing|whatever)\b[^\n]{0,80}\b(?:think|thinks|maybe|might be|could be|pretty sure|looked like|looks like) (?:it is |it was |its |it might be |it could be |it were )?(?:a |an |one of (?:my|the|his|her) )?(?:pill|pills|tablet|tablets|battery|button battery|magnet|capsule|pod|liquitab|sertraline|paracetamol|ibuprofen|vitamin|iron tablet|medicine))\b",
    ),
    (
        # unwanted images of harm to the baby, in any wording of "images of ... -ing her"
        "c3.images_of_harm",
        "C3",
        "intrusive",
        r"\b(?P<core>(?:images?|pictures?|visions?|flashes|scenes?|videos?|films?|clips?|daydreams?|thoughts?|ideas?|urges?) (?:in my (?:head|mind) )?(?:of|about) (?:me |myself |someone |us )?(?:dropping|throwing|drowning|smothering|stabbing|hurting|shaking|suffocating|squeezing|burning|hitting|crushing|strangling|harming|killing|pushing|falling with|scalding|cutting) "
        + _BABY
        + r"|(?:see|seeing|picture|picturing|imagine|imagining|watch|watching) "
        + _BABY_SEEN_HARMED
        + r"\b(?=[^.?!\n]{0,50}\b"
        + _EYES_SHUT
        + r")|"
        + _EYES_SHUT
        + r"\b[^.?!\n]{0,20}\b(?:i |you )?(?:see|picture|imagine) "
        + _BABY_SEEN_HARMED
        + r")\b(?! (?:in a dream|in the story|in the film|on tv))",
    ),
    (
        # a baby pinched, nipped, flicked or twisted by the parent, to stop crying or hard
        "c3.pinch_baby",
        "C3",
        "intent",
        r"\b(?P<core>i (?:have |had |keep |kept |just |sometimes |then |even )?(?:nipped|nip|nipping|pinched|pinch|pinching|flicked|flick|flicking|twisted|twist|twisting|dug my nails into|bit|bite|biting) (?:his|her|their|the baby's|the babys|my baby's|my babys|the baby on the|my son's|my daughter's) (?:little |tiny |chubby |wee )?(?:thigh|thighs|leg|legs|arm|arms|foot|feet|hand|hands|ear|ears|bum|tummy|belly|side|skin|cheek|cheeks|toes?|fingers?))\b"
        r"(?=[^\n]{0,160}\b(?:cried|cries|crying|cry|scream\w*|shut up|quiet|stop|every time|on purpose|hard|harder|marks?|bruis\w*|hate|works|worked|so (?:he|she) would|to make|red)\b)"
        r"(?![^\n]{0,160}\b(?:nails|nail clippers|clipping|by accident|accidentally|did not mean|by mistake|in the (?:car seat|buckle|zip|popper|poppers|door|pram))\b)",
    ),
    (
        # people on the TV or radio looking at or talking about the parent
        "c4.tv_about_me",
        "C4",
        None,
        r"\b(?P<core>"
        + _MEDIA
        + r"\b[^.?!]{0,40}\b(?:look|looks|looking|looked|stare|stares|staring|stared|point|points|pointing|wink|winks|winking) (?:right |straight |directly )?(?:at|through) me"
        r"|"
        + _MEDIA
        + r"\b[^.?!]{0,40}\b(?:say|says|saying|said|mention|mentions|mentioned|talk|talks|talking|talked) (?:things |stuff |something )?(?:about|to) (?:me|my (?:birth|labour|baby|family|life|house|thoughts|name|husband|son|daughter)))\b"
        r"(?![^.?!]{0,40}\b(?:documentary|programme about|episode about|show about|podcast|interview)\b)",
    ),
    (
        # a young child getting out of the house alone, or children not fed because the parent cannot get up
        "c6.gets_out_alone",
        "C6",
        None,
        r"\b(?P<core>(?:toddler|little one|son|daughter|boy|girl|kid|child|"
        + _CHILD_AGE
        + r"|(?:\d|to|one|two|three|four) ?(?:yr|year|y)[ -]?old)\b[^.?!]{0,30}\b(?:has been |have been |keeps |kept |is |was |been |has |had )?(?:getting|got|gets|going|gone|wandering|wandered|walking|walked|toddling|toddled|letting (?:herself|himself)|let (?:herself|himself)) (?:out|outside) (?:of )?(?:the )?(?:front door|back door|door|house|flat|gate|garden|onto the road|into the road|on the road|the street)\b[^.?!]{0,30}\b(?:by (?:her|him)self|on (?:her|his) own|alone|again|without me|while i)"
        r"|(?:have not|has not|not|never|barely|hardly) (?:really |even |properly )?(?:been )?(?:really |properly )?(?:feeding|fed|feed|giving) (?:my|the|our|her|his) (?:toddler|kids|children|son|daughter|little one|boy|girl|eldest)\b[^.?!]{0,30}\b(?:properly|at all|anything|proper|meals?|dinner|tea)\b)",
    ),
    (
        # a dog that has gone for a child, loose near the baby
        "c6.dangerous_dog",
        "C6",
        None,
        r"\b(?P<core>dog\b[^.?!]{0,40}\b(?:went for|goes for|bit|bitten|has bitten|attacked|mauled|savaged|snapped at|lunged at) (?:a |my |his |her |their |the )?(?:child|kid|niece|nephew|baby|son|daughter|toddler|little one|grandson|granddaughter|boy|girl|face))\b"
        r"(?=[^\n]{0,200}\b(?:loose|with the baby|near the baby|around the baby|baby on the floor|in the flat|in the house|in with|left|laugh\w*|will not|do not care|does not care)\b)",
    ),
    (
        # someone trying to get in now
        "c5.trying_to_get_in",
        "C5",
        None,
        r"\b(?P<core>(?:he|he is|ex|partner|husband|boyfriend|bf|fella|him|they) (?:is |are |keeps |kept |has been |just )?(?:trying|tryna|tried|going|started|starting) (?:to )?(?:get|break|force (?:his|their) way|smash (?:his|their) way|kick (?:his|their) way|climb|push) ?(?:in|into the (?:house|flat|room|bathroom|bedroom)|through the (?:back |front |kitchen |bedroom |bathroom )?(?:door|window|windows|letterbox))|(?:break|breaking|kicking|smashing|forcing) (?:the |our |my )?(?:back |front |bedroom |bathroom )?(?:door|window) (?:in|down)(?: now| right now)?)\b"
        r"(?![^.?!]{0,30}\b(?:to (?:the|a) (?:gym|club|course|team|job|university|uni|college|school)|shape|routine)\b)",
    ),
    (
        # a goodbye: someone asked to look after the baby "for me", with thanks for everything
        "c1.look_after_for_me",
        "C1",
        None,
        r"\b(?P<core>(?:look|looking) after (?:him|her|them|the baby|my baby|the kids|my kids|the children|my boy|my girl|my son|my daughter|\w+) for me)\b",
    ),
    (
        # spending, eating or rubbish checked: the bins, receipts, wrappers
        "c5.checks_bins",
        "C5",
        None,
        r"\b(?P<core>(?:he|she|partner|husband|boyfriend|fella|oh|dh) (?:goes|went|is going|keeps going|will go) through (?:the |my |our )?(?:bins?|rubbish|recycling|purse|handbag|bag|bank statements?|receipts|shopping|drawers|things|pockets)\b[^.?!]{0,60}\b(?:check|checks|checking|see what|to see|asks? (?:me )?about|every (?:wrapper|receipt|penny|item)|account for|explain))\b",
    ),
    (
        # a partner who decides when she may sleep, eat, wash, go out or see people
        "c5.decides_when",
        "C5",
        None,
        r"\b(?P<core>(?:he|she|partner|husband|boyfriend|fella|oh|dh) (?:controls|decides|chooses|says|tells me|gets to say) (?:when|whether|if|what|how much|how long) i (?:am allowed to|can|may|get to|am let|have to) (?:sleep|eat|nap|shower|wash|go out|leave|see|sit down|rest|spend|wear|use the car|feed|hold))\b",
    ),
    (
        # regret at still being alive ("still here, unfortunately")
        "c1.still_here_sadly",
        "C1",
        None,
        r"\b(?P<core>(?:still here|still alive|still breathing|woke up again|i woke up|another day alive|survived another (?:day|night))[.,]? (?:unfortunately|sadly|worse luck|annoyingly|for my sins|more is the pity|more s the pity|shame)|(?:unfortunately|sadly|annoyingly) (?:i am |i )?(?:still here|still alive|woke up (?:again|this morning)))\b",
    ),
    (
        # "one day they'll understand why I had to go"
        "c1.why_i_had_to_go",
        "C1",
        None,
        r"\b(?<!do not )(?<!did not )(?<!does not )(?<!never )(?P<core>(?:understand|know|see|forgive me)(?: (?:one day|someday|some day|eventually|when (?:she|he|they) (?:is|are) older))? why i (?:(?:had to|have to|needed to|need to|chose to) (?:go|leave|do it|do this|be gone)|did it|did this|went|left))\b(?! (?:back|to|out|home|away|into|on|for|early|in|shopping|at|the|him|her|work|my|a)\b)",
    ),
    (
        # death or heaven sounding better than this life
        "c1.heaven_better",
        "C1",
        None,
        r"\b(?P<core>(?:heaven|being dead|death|dying|the afterlife|not existing|nothingness|the grave|eternal sleep|never waking up) (?:sounds|seems|looks|feels|would be|is) (?:more |so |really |quite |much |a lot |way )?(?:nicer|better|easier|lovely|good|appealing|peaceful|more appealing|like a relief|like a rest)(?! (?:for (?:him|her|them)|if it was)))\b",
    ),
    (
        # one's own funeral wondered about: who would come, whether anyone would cry
        "c1.who_at_funeral",
        "C1",
        None,
        r"\b(?P<core>(?:who|how many people|would anyone|whether anyone|if anyone|if anybody|would anybody) (?:would |will )?(?:come|turn up|go|bother coming|show up|cry|care) (?:to|at) my (?:own )?funeral|(?:would|will) (?:anyone|anybody) (?:even )?(?:cry|care|notice|miss me) (?:at my funeral|if i (?:died|was gone|went|was not here)))\b",
    ),
    (
        # not minding if one's plane, train or car crashed
        "c1.would_not_mind_crash",
        "C1",
        None,
        r"\b(?P<core>(?:would not|wouldnt|would nt|do not|i do not|honestly would not) (?:mind|care) if (?:the|my|our|a|this) (?:plane|flight|train|car|bus|ferry|taxi|boat) (?:crashed|crashes|went down|goes down|sank|sinks|came off|derailed|hit something|did not make it))\b",
    ),
    (
        # counting down the days, and not to a birthday or a holiday
        "c1.counting_down",
        "C1",
        None,
        r"\b(?P<core>counting (?:down )?(?:the )?days\b[^.?!]{0,60}\b(?:do not mean|not to\b|not till|not until|not for (?:his|her|the|a)|till i (?:can|am|go)|until i (?:can|am|go)|and it is not))\b",
    ),
    (
        # a baby in the womb who has stopped moving or moves much less
        "c7.reduced_movements",
        "C7",
        None,
        r"^(?![^\n]*\b(?:all fine|was fine|were fine|(?:she|he|baby) is fine|everything (?:was )?fine|all ok|all okay|was ok|monitored|kicking again|moving again|started (?:moving|kicking) again|what (?:counts|is|are) reduced|how (?:do|can) (?:i|you) (?:know|tell|count))\b)[^\n]*?\b(?P<core>(?:baby|she|he|bump|little one|lo)\b[^.?!]{0,20}\b(?:has not|hasnt|have not|not|never|has barely|barely|hardly) (?:moved|kicked|been moving|been kicking|felt|wriggled)\b[^.?!]{0,20}\b(?:all day|today|since (?:this morning|yesterday|last night|lunch|breakfast)|for hours|in hours|at all)"
        r"|(?:have not|not|hardly|barely) felt (?:her|him|the baby|baby|bump|any) (?:move|moving|kick|kicking|movements?)\b[^.?!]{0,30}\b(?:all day|today|since|for hours|at all)"
        r"|(?:reduced|less|fewer|no|slowed) (?:fetal |baby |foetal )?movements?)\b",
    ),
    (
        # signs of dehydration or meningitis in a baby: a sunken soft spot, few wet nappies and floppy
        "c7.baby_dehydrated",
        "C7",
        None,
        r"\b(?P<core>sunken (?:soft spot|fontanelle|fontanel)|(?:soft spot|fontanelle) (?:is |looks )?(?:sunken|sunk|dipped|bulging)|(?:no|hardly any|barely any|only one|one) wet nappies?\b[^.?!]{0,60}\b(?:sleepy|floppy|lethargic|drowsy|will not wake|hard to wake|dry lips|no tears))\b",
    ),
    (
        # a leg red, hot or swollen with breath short, after a birth (a clot)
        "c7.leg_and_breath",
        "C7",
        None,
        r"\b(?P<core>(?:calf|leg|legs)\b[^.?!]{0,30}\b(?:swollen|red|hot|hard|throbbing|puffy)\b[^\n]{0,80}\b(?:short of breath|breathless|out of breath|can not (?:catch|get) (?:my )?breath|struggling to breathe|chest (?:pain|hurts|is tight))"
        r"|(?:short of breath|breathless|can not (?:catch|get) (?:my )?breath)\b[^\n]{0,80}\b(?:calf|leg)\b[^.?!]{0,30}\b(?:swollen|red|hot|hard|throbbing|puffy))\b",
    ),
    (
        # medicines bought from several shops so nobody asks
        "c1.several_shops",
        "C1",
        None,
        r"\b(?P<core>(?:bought|buying|buy|got|getting|picked up) (?:\w+ )?(?:"
        + _ANY_PILLS
        + r"|co ?codamol|aspirin|them)\b[^.?!]{0,30}\b(?:from|at|in) (?:two|three|four|five|several|different|a few|loads of|lots of|all the|every) (?:different )?(?:shops|chemists|pharmacies|supermarkets|stores|places)|so (?:nobody|no one|no body|the (?:pharmacist|chemist|shop)) (?:asks|questions|notices|gets suspicious|says anything) (?:me )?(?:about )?(?:how many|why i (?:need|want) (?:so many|that many)))\b",
    ),
    (
        # a question about dying "asked for a reason"
        "c1.asking_for_a_reason",
        "C1",
        None,
        r"\b(?P<core>(?:asking|ask|asked|i ask) (?:for a reason|for reasons|for my own reasons)|i have my reasons|do not ask why)\b",
    ),
    (
        # unwanted sexual thoughts about the baby at nappy changes or bath time, that horrify
        "c3.sexual_intrusive",
        "C3",
        "intrusive",
        r"\b(?P<core>(?:thoughts?|images?|pictures?|ideas?|worries|fears?) (?:of|about|that i (?:might|will|could)) (?:touching|touch) (?:her|him|them|the baby|my baby|my son|my daughter) (?:wrongly|inappropriately|the wrong way|in a wrong way|sexually|down there|in the wrong place))\b",
    ),
    *_welsh_rules_round11(),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND11
GENTLE_RULES_ROUND11 = frozenset(
    {
        "c1.swap_with_dead",
        "c1.last_goodnight",
        "c1.collecting_meds",
        "c6.gets_out_alone",
        "c6.dangerous_dog",
        "c1.look_after_for_me",
        "c1.welsh_look_after_for_me",
        "c5.checks_bins",
        "c1.still_here_sadly",
        "c1.why_i_had_to_go",
        "c1.heaven_better",
        "c1.who_at_funeral",
        "c1.would_not_mind_crash",
        "c1.counting_down",
        "c7.reduced_movements",
        "c7.baby_dehydrated",
        "c1.asking_for_a_reason",
        "c3.sexual_intrusive",
        "c1.welsh_asking_reason",
        "c7.welsh_missing_item",
        "c4.welsh_confused",
        "c3.welsh_sexual_intrusive",
    }
)
REQUIRES_ROUND11: dict[str, str] = {
    # the nerve, the courage: for means at hand
    "c1.nerve_with_means": r"\b" + _MEANS_NEAR + r"\b",
    # collecting: medicines
    "c1.collecting_meds": r"\b(?:" + _ANY_PILLS + r"|co ?codamol|sleeping|prescriptions?)\b",
    # someone trying to get in: a man, or fear
    "c5.trying_to_get_in": r"\b(?:help|scared|terrified|frightened|police|999|hiding|locked|lock|he is|hes|he|ex|him)\b",
    # coughing blood or breathless: days or weeks after a birth, or in pregnancy
    "c7.postnatal_breath_blood": r"\b(?:weeks? ago|days? ago|(?:days?|weeks?) old|since (?:the |giving )?birth|after (?:the |giving )?birth|had (?:my|the|our|him|her|a) (?:baby|little one|son|daughter|section|c section)|had (?:him|her)|postpartum|post partum|c ?section|newborn|born|delivery|delivered|pregnant|weeks gone)\b",
    # a goodbye: thanks for everything, goodnight to all, sorry for everything
    "c1.look_after_for_me": r"\b(?:thanks? (?:you )?for everything|night all|night everyone|goodbye|bye all|bye everyone|love you all|sorry for everything|forgive me|tell (?:him|her|them) i love)\b",
    "c1.welsh_look_after_for_me": r"\b(?:diolch am bopeth|diolch am bob dim|nos da|hwyl fawr|ffarwel|caru chi|sori|sorri|maddeuwch)\b",
    # "asked for a reason": about dying, a mother gone, or who keeps the baby
    "c1.asking_for_a_reason": r"\b(?:die|dies|died|dead|death|dying|gone|without (?:me|their mum|their mam|a mum)|not here|funeral|orphan\w*|custody|guardian|who gets|life insurance|will)\b",
    # Welsh "asked for a reason": about dying or a mother gone
    "c1.welsh_asking_reason": r"\b(?:marw|farw|fmarw|marwolaeth|hebdda i|heb eu mam|heb ei fam|heb ei mam|angladd|wedi mynd)\b",
    # Welsh missing tablet: a child's mouth, lips, sickness
    "c7.welsh_missing_item": r"\b(?:ceg|geg|gwefusau|wefusau|chwydu|sâl|sal|pesychu|glafoerio|crio|babi|bychan|crwt|un bach|plentyn)\b",
    # Welsh confusion: days after a birth
    "c4.welsh_confused": r"\b(?:ar ôl geni|ar ol geni|ers geni|ers y geni|ar ôl y geni|diwrnod ar ôl|wythnos ar ôl|ers iddi gael y babi|ar ôl cael y babi|ers cael y babi)\b",
    # reduced movements: in pregnancy
    "c7.reduced_movements": r"\b(?:pregnant|pregnancy|weeks|wks|bump|kick\w*|movements?|due|midwife|womb|in me|inside me)\b",
}


def _welsh_rules_round12() -> list[tuple[str, str, str | None, str]]:
    """Round 12's Welsh concepts; each verb matches in any mutated form (``welsh.alternation``)."""
    from bot.safety.welsh import alternation as cy

    return [
        (
            # nobody will miss me, in Welsh or with the English verb ("neb yn mynd i miss fi")
            "c1.welsh_nobody_miss",
            "C1",
            None,
            r"\b(?P<core>(?:neb|dim un|does neb|'sneb|sneb|fydd neb|fasa neb|fysa neb|sa neb)(?: yn| 'n|'n)?(?: mynd i| gallu)? (?:miss|missio|misio|"
            + cy("gweld eisiau", "gweld isio", "colli")[3:-1]
            + r") (?:fi|fi'n|mi|fy hun)\b)",
        ),
        (
            # all right with dying in an accident, in a conditional ("os byswn i'n marw ... byswn i'n iawn efo hynna")
            "c1.welsh_fine_dying",
            "C1",
            None,
            r"\b(?P<core>(?:os|pe|petawn|tasen|taswn)\b[^.?!\n]{0,25}\b"
            + cy("marw")
            + r"\b[^.?!\n]{0,50}\b(?:iawn|ok|oce|ocê|hapus|dim ots|ddim ots|ddim yn meindio|ddim yn poeni) (?:efo|gyda|am|hefo) (?:hynna|hynny|hwnna|hyn|'na))\b",
        ),
        (
            # a gun or other means at hand, thought about too much ("dwi'n meddwl amdano fo gormod")
            "c1.welsh_means_thought",
            "C1",
            None,
            r"\b(?P<core>(?:gwn|gwn saethu|dryll|reiffl|rhaff|cyllell|tabledi|dabledi)\b[^\n]{0,80}\b(?:meddwl amdano|meddwl amdani|meddwl am (?:ei|y) (?:ddefnyddio|defnyddio)|meddwl am hynna|meddwl am hynny)(?: fo| fe| hi)?(?: (?:gormod|drwy'r amser|trwy'r amser|bob dydd|bob nos|lot))?)\b",
        ),
        (
            # accounts deleted and a pet or things given away, nothing needed now
            "c1.welsh_giving_up_things",
            "C1",
            None,
            r"\b(?P<core>(?:dileu|wedi dileu|di dileu|cau|wedi cau) (?:fy |'n )?(?:insta|instagram|fb|facebook|tiktok|snapchat|twitter|cyfrifon|cyfrif)\b[^\n]{0,80}\b(?:rhoi|roi|rhoid)'?r? (?:gath|cath|ci|gi|pethau|petha|stwff|dillad)"
            r"|(?:ddim|dim) angen (?:dim byd|unrhyw beth|dim) (?:rŵan|rwan|nawr|mwy|bellach))\b",
        ),
    ]


CONCEPT_RULES_ROUND12: list[tuple[str, str, str | None, str]] = [
    (
        # understanding now why someone would do it ("i get now how a mum could leave her kids like that")
        "c1.understand_why",
        "C1",
        None,
        r"(?<!not )(?<!never )(?<!cannot )(?<!hardly )\b(?P<core>(?:understand|get|see) (?:now |finally |totally |completely )?(?:why|how) (?:someone|somebody|people|anyone|a person|mums|mothers|a mum|a mother|a mam|parents|a parent|dads|a dad|some people|they) (?:would |could |might |can |do |does |did )?(?:do it|do that|end it|end (?:it all|their li\w+|things)|take their (?:own )?li\w+|kill themsel\w+|leave (?:their|her|his|the) (?:kids|children|babies|baby|family|little ones)(?: like that| behind)?|leave (?:them|their little ones)(?: like that| behind)|go through with it|give up on (?:life|everything|living)|not want to (?:be here|live|wake up)|want to die|disappear for good))\b",
    ),
    (
        # worth more dead: a life insurance payout worth more than the parent
        "c1.worth_more_dead",
        "C1",
        None,
        r"\b(?P<core>(?:life insurance|insurance|death in service|payout|pay out|policy)\b[^.?!]{0,40}\b(?:(?:is |be |would be )?worth more than (?:me|i am|my life|i)|more use than me|do (?:them|him|her|the kids|my family|everyone) more good than me|better for them than me)"
        r"|worth more (?:to (?:them|him|her|my family|everyone|the kids) )?(?:dead|gone|when i am gone|if i was gone|if i were gone))\b",
    ),
    (
        # a general question that says it is about the writer ("... asking for me")
        "c1.asking_for_me",
        "C1",
        None,
        r"\b(?P<core>asking for (?:me|myself|my ?self)|(?:it is|this is|the someone is|that someone is|the person is|by someone i mean) (?:about )?(?:me|myself)|i mean me)\b",
    ),
    (
        # one step, one swerve: what it would take, beside traffic, a train or a drop
        "c1.one_step",
        "C1",
        None,
        r"\b(?P<core>(?:keep thinking|keeps thinking|thinking|could|so easy|so tempted|tempted|would (?:only )?take|all it would take is|it would (?:just |only )?take|just need|only need|one more) (?:\w+ ){0,3}(?:one|a|a single|a little|a tiny) (?:step|stride|swerve|jump|turn of the wheel|tug of the wheel|move)\b)(?! (?:at a time|forward|closer to|towards|in the right))",
    ),
    (
        # walking along a motorway or the hard shoulder, with no breakdown
        "c1.walking_motorway",
        "C1",
        None,
        r"\b(?P<core>(?:walking|walked|wandering|stood|standing|sat|sitting|pacing) (?:along |on |by |beside |down |up )(?:the )?(?:hard shoulder|motorway|dual carriageway|bypass|central reservation|slip road))\b"
        r"(?![^\n]{0,80}\b(?:broke down|broken down|breakdown|the aa|rac|recovery|puncture|flat tyre|waiting for|tow|police (?:are|came)|hazards)\b)",
    ),
    (
        # at a station or platform, not there to travel
        "c1.station_not_travelling",
        "C1",
        None,
        r"\b(?P<core>(?:at|on|by|in) (?:the )?(?:train |railway |tube )?(?:station|platform)\b[^.?!\n]{0,40}\b(?:not (?:getting|catching|taking|going to get|here to (?:catch|get)|waiting for|going) (?:on )?(?:a|the|any) (?:train|tube)|not (?:going|travelling) anywhere|not (?:here )?to travel))\b",
    ),
    (
        # made to account for every minute, a prisoner in one's own home because of him
        "c5.account_for_time",
        "C5",
        None,
        r"\b(?P<core>(?:account|answer|explain|justify) (?:for |myself for )?every (?:minute|second|hour|penny|pound|step)"
        r"|(?:interrogat\w*|question\w* me|grills? me|grilled me|cross ?examin\w*) (?:me )?(?:for|about) (?:an hour|hours|ages|where i have been|where i went|who i (?:saw|spoke to|talked to))"
        r"|(?:a |like a )?prisoner in (?:my|our) own (?:home|house|flat))\b",
    ),
    (
        # barricaded in a room while he smashes things ("chair jammed under the handle")
        "c5.barricaded",
        "C5",
        None,
        r"\b(?P<core>(?:chair|chest of drawers|drawers|wardrobe|bed|cot|bin|my back|my foot|my weight|a chair) (?:is |now )?(?:jammed|wedged|propped|pushed|shoved|up|against) (?:under|against|behind) (?:the )?(?:door ?)?(?:handle|door)"
        r"|(?:he is|hes|he has been|he keeps|he) (?:smashing|breaking|throwing|trashing|wrecking|punching|booting) (?:stuff|things|plates|the place|everything|the house|the kitchen|doors|walls|the tv)(?: up)?(?: downstairs| in the kitchen| in the next room| in the hall| outside| right now| now)?)\b",
    ),
    (
        # just got out and away from him, now ("got out the back door while he was in the shower")
        "c5.fled_now",
        "C5",
        None,
        r"\b(?P<core>(?:just |finally |managed to |have |i have |i )?(?:got out|got away|escaped|fled|legged it|slipped out|snuck out|sneaked out|climbed out|ran out|run out|left)\b[^.?!\n]{0,60}\b(?:while|when|before) (?:he|him) (?:was|is|went|got|fell|passed|had) (?:in the (?:shower|bath|toilet|loo)|asleep|sleeping|at work|out|passed out|drunk|not looking|upstairs)"
        r"|where (?:is|can i go that is|can we go that is|can i go|can we go|do i go) (?:safe|somewhere safe)\b[^\n]{0,40}\b(?:right now|now|tonight|near|around|in))\b",
    ),
    (
        # filmed or photographed without consent, and shared ("recorded me in the shower ... shared it")
        "c8.image_abuse",
        "C8",
        None,
        r"\b(?P<core>(?:recorded|filmed|videoed|photographed|took (?:photos|pictures|pics|videos) of|secretly (?:filmed|recorded)) me (?:in the (?:shower|bath)|naked|getting (?:changed|dressed|undressed)|having sex|during sex|in bed|while i (?:was )?(?:asleep|sleeping|drunk|getting changed)|without (?:me knowing|my (?:consent|permission|knowledge)|asking))"
        r"|(?<!threaten to )(?<!threatens to )(?<!threatened to )(?<!threatening to )(?:share|shared|sharing|send|sent|post|posted|show|showed|shown) (?:my )?(?:nudes|naked (?:photos|pictures|pics|videos)|intimate (?:photos|pictures|videos|images))\b(?![^.?!]{0,20}\b(?:with (?:my )?consent|for the leaflet|campaign|law)\b))\b",
    ),
    *_welsh_rules_round12(),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND12
GENTLE_RULES_ROUND12 = frozenset(
    {
        "c1.understand_why",
        "c1.asking_for_me",
        "c1.one_step",
        "c1.walking_motorway",
        "c1.station_not_travelling",
        "c5.account_for_time",
        "c1.welsh_fine_dying",
        "c1.welsh_means_thought",
        "c1.welsh_giving_up_things",
    }
)
REQUIRES_ROUND12: dict[str, str] = {
    # understanding why: the writer's own thoughts now, not a news story
    "c1.understand_why": r"\b(?:i think about it|i keep thinking|i (?:have|feel)|lately|these days|now|myself|me too|i am scared|scares me|frightens me|same)\b",
    # being with someone lost: someone died (the round-8 form names it right after; round 12's anywhere)
    "c1.be_with_the_lost": r"\b(?:died|dead|death|passed|passed away|passed on|stillborn|stillbirth|still birth|lost|angel|grave|heaven|up there|in the sky|actually|for real|properly|miscarr\w*|funeral|ashes|memorial|born sleeping|loss)\b",
    # "asking for me": a question about dying, being better off without one, or ending it
    "c1.asking_for_me": r"\b(?:better (?:off )?without|(?:want|wants|wanting) to die|not (?:want|wanting|wants) to (?:be here|live|wake up|exist)|end (?:it|their life|things|it all)|kill (?:themselves|themself|yourself)|suicid\w*|hurt (?:themselves|themself|yourself|their baby|the baby)|disappear|not be here|not exist)\b",
    # one step: beside traffic, a train, water or a drop
    "c1.one_step": r"\b(?:lorr\w*|traffic|cars?|road|motorway|hard shoulder|trains?|tracks?|platform|edge|bridge|drop|cliff|ledge|roof|river|water|wheel|oncoming|bus|buses|van|vans)\b",
    # accounting for time: a partner who asks
    "c5.account_for_time": r"\b(?:he|him|his|partner|husband|boyfriend|bf|fella|ex|she|her)\b",
    # barricaded or smashing: fear, hiding, a baby with her
    "c5.barricaded": r"\b(?:he|him|his|partner|husband|boyfriend|ex|hiding|hide|hid|locked|scared|terrified|frightened|help|police|999|baby|kids|nursery|bedroom|bathroom|downstairs|upstairs)\b",
    # got out: from him, fear or help needed
    "c5.fled_now": r"\b(?:he|him|his|partner|husband|boyfriend|ex|scared|help|safe|refuge|police|location|find me|tracks?|baby|buggy|pram|kids)\b",
}


# "this time" in Welsh ("tro ma", "y tro hwn"): c1.welsh_sure_this_time and PRESENT_RISK.
_THIS_TIME_CY = r"(?:tro ma|tro yma|y tro (?:yma|hwn|ma))"


def _welsh_rules_round13() -> list[tuple[str, str, str | None, str]]:
    """Round 13's Welsh concepts; each verb matches in any mutated form (``welsh.alternation``)."""
    from bot.safety.welsh import alternation as cy

    return [
        (
            # relief, or not minding, at the thought of an accident ("taswn i'n cael damwain ... fyswn i'n relieved")
            "c1.welsh_accident_relief",
            "C1",
            None,
            r"\b(?P<core>(?:damwain|ddamwain|namwain)\b[^.?!\n]{0,60}\b(?:relieved|relief|rhyddhad|ryddhad|(?:yn |'n )?falch|ddim ots|dim ots|ddim yn meindio|ddim yn poeni|croesawu|groesawu))\b",
        ),
        (
            # something got "to make sure this time" ("i neud yn siwr tro ma")
            "c1.welsh_sure_this_time",
            "C1",
            None,
            r"\b(?P<core>(?:i )?"
            + cy("gwneud", "neud")
            + r" (?:yn )?(?:siwr|siŵr|saff|sicr) (?:"
            + _THIS_TIME_CY
            + r"|'r tro (?:yma|hwn|ma)))\b",
        ),
    ]


CONCEPT_RULES_ROUND13: list[tuple[str, str, str | None, str]] = [
    (
        # the payout would see the family right ("the life insurance would sort them out")
        "c1.payout_for_them",
        "C1",
        None,
        r"\b(?P<core>(?:life insurance|insurance|death in service|payout|pay out|policy)\b[^.?!]{0,30}\b(?:would|will|could|'d) (?:\w+ )?(?:sort (?:them|everyone|the family|the kids|things|everything|it all) (?:out|right)|set (?:them|the kids|the family) up|look after (?:them|the kids|the family|everyone)|take care of (?:them|the kids|the family|everything)|see them right|pay (?:off )?(?:everything|all the debts?|the debts?|the mortgage|the rent) (?:for them|off))\b)",
    ),
    (
        # looking up how long it takes for a body to be found
        "c1.body_found",
        "C1",
        None,
        r"\b(?P<core>how long (?:it takes|does it take|would it take|till|until|before|it would take) (?:for )?(?:a body|someone|a person|me|i|people|you) (?:to be|would be|is|are|gets?|to get|am|get) found)\b",
    ),
    (
        # medicines with a plan for them ("i need more paracetamol, i have got a plan for it")
        "c1.means_plan",
        "C1",
        None,
        r"\b(?:"
        + _ANY_PILLS
        + r"|tablets|pills|meds|medication|prescriptions?)\b[^\n]{0,80}\b(?P<core>(?:i have|i have got|i have a|i got|got) (?:a )?plan (?:for|with) (?:it|them|those|these|the lot)|i know (?:exactly )?what i am (?:doing|going to do) with (?:it|them|those|these))\b",
    ),
    (
        # locks checked all night, windows nailed shut, against a plot ("wants to nail the windows shut")
        "c4.barricading",
        "C4",
        None,
        r"\b(?P<core>(?:nail|nails|nailed|nailing|board|boards|boarded|boarding|tape|taped|taping|screw|screwed) (?:up |down )?(?:all )?(?:the |our |every )?(?:windows?|doors?|letterbox|curtains)(?: shut| up| closed| down)?"
        r"|(?:check|checks|checking|checked) (?:the |all the |every )?(?:locks?|doors?|windows?) (?:every (?:hour|half hour|ten minutes|five minutes|few minutes|minute)|all night|over and over|again and again|hundreds of times|\d+ times))\b",
    ),
    (
        # let in on a secret only the parent (and the baby) knows
        "c4.secret_knowledge",
        "C4",
        None,
        r"\b(?P<core>(?:been |being |was |got |i have been |i was )?let in on (?:a|the|some) (?:secret|truth|plan|message|code)"
        r"|(?:only (?:i|me|me and the baby|the baby and me|the baby and i|we) (?:know|knows|can see|understand|understands) (?:the )?(?:truth|secret|real meaning|what is really going on|what is going on))"
        r"|(?:the baby|my baby|he|she) (?:knows|understands) (?:it )?too\b(?=[^\n]{0,40}\b(?:smile|smiles|wink|winks|look|looks|nod|nods|signal|signals)\b))",
    ),
    (
        # a partner or his family pulling her hair ("my husband pull my hair when i answer back")
        "c5.hair_pulled",
        "C5",
        None,
        # "he" alone only where a partner is named ("he pulled my hair really hard" is often the baby)
        r"(?:^(?=[^\n]*\b(?:husband|hubby|partner|boyfriend|bf|fella|ex|other half|in laws?)\b)[^\n]*?\bhe|\b(?:"
        + _HIM[6:-1]
        + r"|they|his (?:mum|mam|mother|dad|father|brother|sister|family)|(?:mother|father|sister|brother) in law|in laws))\b[^.?!]{0,20}\b(?P<core>(?:pull|pulls|pulled|pulling|yank|yanks|yanked|yanking|grab|grabs|grabbed|grabbing|drag|drags|dragged|dragging|rip|rips|ripped) (?:me by )?(?:my|her) hair)\b",
    ),
    (
        # the violence named in passing and made ordinary ("used to it now, the shoving ... it sets him off")
        "c5.normalised",
        "C5",
        None,
        r"\b(?P<core>(?:the|his) (?:shoving|pushing|hitting|slapping|punching|kicking|grabbing|choking|strangling|headbutting|spitting|pinning me down))\b",
    ),
    (
        # "to make sure this time": something got for another try
        "c1.sure_this_time",
        "C1",
        None,
        r"\b(?P<core>(?:ordered|bought|got|getting|saved|saving|collected|collecting|researched|looked up|picked up|sorted) (?:\w+ ){0,4}(?:to make sure|so i (?:can )?make sure|so it works|so i get it right|to get it right|so it is done properly) (?:it works )?this time)\b",
    ),
    *_welsh_rules_round13(),
]
CONCEPT_RULES += CONCEPT_RULES_ROUND13
GENTLE_RULES_ROUND13 = frozenset(
    {
        "c1.payout_for_them",
        "c1.body_found",
        "c4.barricading",
        "c4.secret_knowledge",
        "c5.normalised",
        "c1.sure_this_time",
        "c1.welsh_accident_relief",
        "c1.welsh_sure_this_time",
    }
)
REQUIRES_ROUND13: dict[str, str] = {
    # the payout: the writer's own death pictured, not a question about a policy
    "c1.payout_for_them": r"\b(?:if i (?:just |was |were )?(?:went|died|was gone|were gone|was not here|crashed|did not come home|was dead)|thinking|keep thinking|wish|better off|worth more|if something happened to me on purpose|went into|drove into|off the road|not here)\b",
    # barricading: a plot, someone coming, the baby to protect
    "c4.barricading": r"\b(?:plot|plotting|conspiracy|they are coming|coming for|take the baby|take him|take her|after us|after the baby|watching (?:us|me|her|the house)|following (?:us|me|her)|spying|in on it|poison\w*|nobody (?:gets|comes) in|keep (?:them|everyone) out)\b",
    # violence made ordinary: by him
    "c5.normalised": r"^(?=[\s\S]*\b(?:he|him|his|partner|husband|boyfriend|bf|fella|ex)\b)[\s\S]*\b(?:used to it|get used to it|got used to it|sets him off|set him off|when he kicks off|when he has (?:had )?a drink|when he is drunk|his temper|my fault|i deserve it|only when he|normal for us|not that bad)\b",
}

GENTLE_RULES = (
    frozenset(
        {
            "c1.place_bare",
            "c1.jump",
            "c1.not_here",
            "c1.dying_thoughts",
            "c2.fresh_cuts",
            "c1.welsh_place_now",
        }
    )
    | GENTLE_RULES_ROUND4
    | GENTLE_RULES_ROUND5
    | GENTLE_RULES_ROUND6
    | GENTLE_RULES_ROUND7
    | GENTLE_RULES_ROUND8
    | GENTLE_RULES_ROUND9
    | GENTLE_RULES_ROUND10
    | GENTLE_RULES_ROUND11
    | GENTLE_RULES_ROUND12
    | GENTLE_RULES_ROUND13
)

# A rule here fires only when its message also says this (anywhere).
REQUIRES: dict[str, str] = {
    "c5.leave_now": r"\b(?:him|he|his|partner|husband|boyfriend|bf|ex|fella|scared|afraid|frightened|terrified|safe|hurt|violent|threat\w*|police|refuge|escape|hit|hits|kill)\b",
    **REQUIRES_ROUND4,
    **REQUIRES_ROUND5,
    **REQUIRES_ROUND6,
    **REQUIRES_ROUND7,
    **REQUIRES_ROUND8,
    **REQUIRES_ROUND9,
    **REQUIRES_ROUND10,
    **REQUIRES_ROUND11,
    **REQUIRES_ROUND12,
    **REQUIRES_ROUND13,
}

# Psychosis and mania show as a CLUSTER: one sign alone ("not slept for days")
# is every new parent; two kinds together are a warning sign (NICE CG192; NHS:
# postpartum psychosis). Each entry: (sign, regex); a message with signs of at
# least MIN_PSYCHOSIS_SIGNS kinds is C4.
MIN_PSYCHOSIS_SIGNS = 2
PSYCHOSIS_SIGNS: list[tuple[str, str]] = [
    (
        "no_sleep",
        r"\b(?:heb (?:gysgu|gwsg|cysgu) ers (?:dydd |nos )?(?:llun|lun|mawrth|fawrth|mercher|fercher|iau|gwener|wener|sadwrn|sul))\b|\b(?:(?:heb|ddim di|ddim wedi|dim di) (?:gysgu|cysgu) (?:ers|am) (?:y penwythnos|dyddia|dyddiau|ddyddiau|dridia|dridiau|deuddydd|nosweithiau|\w+ noson|\w+ diwrnod))\b|\b(?:not|have not|never|barely|hardly) (?:slept|been sleeping|sleeping|needed sleep|need (?:to )?sleep|needing sleep|tired at all)\b"
        r"|\b(?:no|zero|without) sleep (?:for|in) (?:\w+ )?(?:days|nights)\b|\b(?:awake|up) (?:for|all) (?:\w+ )?(?:days|nights)(?: straight| in a row)?\b|\bnot (?:eaten|ate|eating) (?:or|and|nor) slept\b|\bdo not (?:feel|get) tired\b|\bwho needs sleep\b|\b(?:do not|no) need (?:for |any )?sleep\b|\bnot (?:even )?tired\b(?=[^.?!]{0,40}\b(?:days|nights|slept)\b)",
    ),
    (
        "energy",
        r"\b(?:i|i am|i feel|feel|feeling|she is|she feels|he is|he feels|i have got|i have|she has|he has|got) (?:so |really |totally |just |like |weirdly |strangely )?(?:buzzing|wired|hyper|on a high|high as a kite|euphoric|invincible|on top of the world|like a god|like superwoman|unstoppable|full of energy|(?:so much|loads of|crazy|boundless|endless|weird) energy|like a superhero|superhuman|like i can do anything|brain is on fire|incredible|amazing|unreal|electric|like a live wire|limitless|unbeatable)\b"
        r"|(?:^|[.!?] ?)(?:so much|soo much|loads of|crazy|boundless|endless) energy\b|\b(?:llawn egni|llond (?:ei|fy|eu) (?:chroen|nghroen|croen) o egni|egni di-?ben-?draw|gormod o egni)\b|\bcan not stop (?:moving|cleaning|planning|writing|talking|buzzing|doing things)\b",
    ),
    (
        "racing",
        r"\b(?:siarad yn (?:gyflym|rhy gyflym|ofnadwy o gyflym|gyflym gyflym|ddi-stop|ddi stop)|racing thoughts|thoughts (?:are |keep )?racing|mind (?:is |keeps )?racing|(?:talking|speaking|talks|talk) (?:so |really |very |super )?(?:fast|quickly)|can not stop talking|jumping from (?:one )?(?:thing|idea|topic)|not making (?:any )?sense|makes no sense|nonsense|rambling)\b",
    ),
    (
        "plans",
        r"\b(?:big|huge|grand|amazing|brilliant|genius|massive) (?:plans?|ideas?|schemes?)\b|\b(?:starting|started|set up|setting up|launch\w*) (?:a |an |my own |three |two |loads of )?(?:business|businesses|company|charity|religion|movement)\b|\bspent (?:all|thousands|hundreds|loads|thousand|£\s?\d)|\bspent (?:over |about |nearly )?(?:\d{3,}|\d+ ?(?:k|grand))\b(?=[^.?!]{0,40}\b(?:today|yesterday|this week|one day|in a day|credit card|card|overdraft|loan|stock|business|online|on stuff)\b)|\b(?:my|a) new (?:business|company|brand|empire)\b|\b(?:writing|started writing|start(?:ing|ed)?) (?:a|my) (?:book|novel|memoir|podcast|blog|festival|charity)\b|\bplanning (?:a|the) (?:festival|party|event|campaign) for (?:the whole|all the|everyone)|\bmaxed (?:out )?(?:the|my|both|all (?:the|my)) (?:credit )?cards\b|\bbought (?:\d+|two|three|four|five) (?:cars|houses|flats|businesses)\b|\b(?:started|starting|signed up (?:to|for)|enrolled (?:on|in)) (?:\d+|three|four|five|six|ten|twenty|loads of) (?:\w+ )?(?:projects|businesses|ideas|courses|degrees|blogs|channels|books)\b|\bcleaning (?:all night|at \d|the whole house at)",
    ),
    (
        "night_activity",
        r"\b(?:decorated|painted|redecorated|renovated|gutted|cleaned|rebuilt) (?:the |our |my )?(?:whole|entire) (?:house|flat|home)(?: top to bottom)? (?:in|over) (?:\d|one|two|three|a) (?:nights?|days?)\b|\b(?:(?:llnau|glanhau|llnau'r tŷ|peintio|paentio|pobi|sgwennu|ysgrifennu)\b[^.?!]{0,30}\bam (?:[1-5]|un|dau|dri|tri|pedwar|bump|pump) (?:y bore|yn y bore))\b|\b(?:painted|painting|cleaned|cleaning|decorat\w*|rearrang\w*|reorganis\w*|baking|baked|wrote|writing|built|building|scrubb\w*|gardening|sorted)\b[^.?!]{0,40}\bat (?:[1-5]|one|two|three|four|five)(?: ?am| in the morning|:\d\d)\b",
    ),
    (
        "perception",
        r"\b(?:siarad (?:efo|gyda|â|hefo) (?:pobl|rhywun|rywun|rhywrai) (?:sy|sydd) ddim (?:yna|yno|'na|'no|yma)|(?:clywed|glywed) (?:lleisiau|llais|pethau|petha)|(?:babi|teledu|radio|tv|telly)(?:'n| yn) siarad (?:efo|gyda|â|hefo) (?:hi|fi|fo|fe))\b|\b(?:hearing|hear|heard|hears) (?:things|voices?|music|whispers?|someone|people|my name)\b(?! (?:on|from|through|downstairs|upstairs|next door))|\b(?:seeing|see|saw|sees) (?:things|people|shadows|faces|lights|figures)\b(?=[^.?!]{0,30}\b(?:not there|no one else|nobody else|are not real|moving|move|moves|in the corner))",
    ),
    (
        "paranoia",
        r"\b(?:(?:teledu|radio|tv|telly|pawb|nhw)(?:'n| yn) (?:siarad|sôn|son|deud|dweud) (?:amdani|amdana i|amdanaf|amdano|amdanon)|being (?:watched|followed|recorded|filmed|tracked|poisoned|listened to)|watching (?:me|us|her)|following (?:me|us|her)|(?:cameras|microphones|bugs) in|out to get (?:me|us|her)|(?:against|plotting against) (?:me|us|her)"
        r"|(?:talking|whispering|laughing) about (?:me|her)|(?:cael|gael) (?:ein|fy|ei|eu) (?:gwylio|dilyn|recordio|ffilmio)|(?:want|trying|going|plan\w*) to (?:take|steal|snatch|hurt) (?:my|the|our|her) baby|(?:a |the )?(?:plot|conspiracy|scheme) (?:to|against) (?:take|steal|snatch|hurt|kill|poison|get|me|us|her|him|the baby|my baby|our baby)|(?:nurses|midwives|doctors|social services|health visitor|family|everyone|they) (?:are )?(?:in on it|lying|spying|plotting)|(?:everyone|everybody|they|the (?:staff|nurses|midwives|doctors|ward|neighbours))\b[^.?!]{0,25}\b(?:is|are|was|were)(?: all)? in on it(?! (?:too|as well)? ?(?:lol|haha)|[^.?!]{0,30}\b(?:surprise|party|present|proposal|prank|joke)))\b",
    ),
    (
        "beliefs",
        r"\b(?:(?:being |is being |are being |was being )?controlled (?:by|through|via|with) (?:the )?(?:wifi|wi fi|tv|telly|phone|internet|5g|radio|microchips?|satellites?|aliens|signals|the government)|(?:cael (?:ei|eu|fy) )?(?:reoli|rheoli) (?:drwy|trwy)'?r? (?:wifi|wi-fi|teledu|ffôn|ffon|radio|we|rhyngrwyd))\b|"
        + r"\b(?:baby|he|she|son|daughter|it)\b[^.?!]{0,15}\b(?:is|was|has been) (?:special|chosen|an angel|a god|god|jesus|the devil|evil|possessed|not (?:mine|ours|my baby|our baby|human|real)|a changeling|an imposter|sent (?:from|by))\b",
    ),
    (
        "mission",
        r"\b(?:mission|chosen|prophet|messiah|special purpose|special powers|telepath\w*|signs (?:are |were )?(?:everywhere|all around me|in everything)|everything is a (?:sign|message|code)|signs (?:from|for) me|messages? (?:from|for) (?:god|me|the universe)|(?:god|the universe|angels) (?:is |are |has |have )?(?:told|telling|speaking|talking|sent|chose))\b",
    ),
    (
        "clarity",
        r"\b(?:(?:my )?(?:mind|head|brain) (?:is|feels) (?:so |totally |completely |suddenly )?(?:crystal )?clear|everything (?:finally |suddenly |all )?makes (?:sense|perfect sense)|everything(?: is| has)? (?:finally |suddenly |all )?(?:falling|fallen|fell|slotting|slotted|clicking|clicked) into place|it all (?:finally |suddenly )?makes (?:sense|perfect sense)|i (?:finally )?understand everything|i can see (?:everything|it all) (?:so )?clearly now|i have (?:worked|figured) (?:it all|everything) out)\b",
    ),
    (
        "changed",
        r"\b(?:(?:yn )?drysu|ddrysu|dryslyd|ddim yn gwbod pa (?:ddiwrnod|ddydd|fis)|ddim (?:fel hyn|fel 'na|fel hynny) fel arfer|ddim (?:hi|fo|fe) (?:ei hun|ei hunan)|not (?:herself|himself|myself) at all|(?:completely |totally )?out of character|like a different person|does not recognise (?:me|us|the baby)|did not recognise (?:me|us|the baby)|(?:really |very |so )?confused about (?:where|who|what day)|(?:acting|behaving) (?:really |so |very )?(?:strange|strangely|weird|weirdly|bizarre|bizarrely|oddly|odd))\b",
    ),
]


def _welsh_rules() -> list[tuple[str, str, str | None, str]]:
    """Welsh concepts; the first word of each phrase matches in any mutated form."""
    from bot.safety.welsh import alternation as cy

    want = r"(?:eisiau|isio|isie|ishe|moyn|eisie|mo|am|wedi meddwl am|meddwl am|meddwl|ofn|barod i|well gen i|gwell gen i|sa well gen i|ma isio fi|mae isio fi)"
    return [
        (
            "c1.welsh_die",
            "C1",
            None,
            r"\b(?P<core>"
            + want
            + r" "
            + cy("marw")
            + r"(?!olaeth)|"
            + cy("lladd")
            + r" (?:fy|fy hun|'n hun|fy hunan|'n hunan|hun)\b"
            r"|" + cy("hunanladdiad") + r"|" + cy("hunanladdol") + r")",
        ),
        (
            "c1.welsh_not_live",
            "C1",
            None,
            r"\b(?P<core>(?:ddim|dim|sa i|sai|so i|dwim|dwi'm|dw i'm|dwi ddim|dw i ddim) (?:yn )?(?:eisiau|isio|isie|ishe|moyn|eisie|mo) "
            r"(?:byw|bod (?:yma|'?ma)(?: rhagor| ddim mwy| mwy)?|bod o gwmpas|deffro|dihuno|cario ymlaen|cario mlaen|mynd ymlaen|bodoli)"
            r"|(?:gwell|well) (?:eu byd|ei byd|ei fyd|i bawb|i'r babi|i'r teulu|i bawb) (?:hebdda i|heb fi|hebddo i|hebddai|hebdda fi|heb i fi)"
            r"|(?:gwell|well) (?:hebdda i|heb fi|hebddo i|hebddai|hebdda fi)"
            r"|dod (?:â|a)'?r? (?:cyfan|cwbl|cwbwl|cwbl lot|popeth|bob dim|fy mywyd|mywyd|bywyd) i ben"
            r"|(?:rhoi|roi) (?:diwedd|terfyn) ar (?:fy mywyd|y cyfan|bob dim|popeth|bethe|pethau|hyn i gyd)"
            r"|(?:dim|ddim) (?:pwynt|point|pwrpas|diben) (?:byw|mynd ymlaen|cario mlaen|cario ymlaen|bod yma|i fi fod yma|trio)"
            r"|"
            + cy("diflannu")
            + r" am byth|(?:cysgu|gysgu) (?:a|ac) (?:pheidio|byth|peidio) (?:deffro|dihuno)|peidio (?:deffro|dihuno) (?:eto|byth)"
            r"|(?:dwi ddim|dw i ddim|sa i|sai|dwim|dydw i ddim|nid wyf) (?:yn )?(?:saff|ddiogel|diogel)(?! (?:i|yn y car|i yrru))"
            r"|(?:ofn|ofni) (?:be|beth) (?:wna i|wnaf i|na i|allen i|allwn i|fyddwn i)(?! (?:i'r|efo'r|gyda'r|i) (?:babi|mabi|plentyn))"
            r"|(?:pont|bont|rheilffordd|cledrau|to|clogwyn|glogwyn|ymyl)\b[^.?!]{0,40}\b(?:neidio|neud o|gwneud o|gwneud e|neud e|diwedd|ffarwel|hwyl fawr)"
            r"|(?:tabledi|dabledi|pils|pilsen|moddion|foddion)\b[^.?!]{0,30}\b(?:wedi (?:eu )?cadw|cadw|casglu|hel|yn barod|o mlaen i|o fy mlaen|digon i))",
        ),
        (
            "c2.welsh_harm",
            "C2",
            None,
            r"\b(?P<core>"
            + cy("torri")
            + r" (?:fy hun|'n hun|fy hunan|'n hunan|fy mreichiau|fy mraich|fy nghoesau|fy nghoes|fy arddwrn)"
            r"|"
            + cy("niweidio")
            + r" (?:fy hun|'n hun|fy hunan|'n hunan)|"
            + cy("brifo")
            + r" (?:fy hun|'n hun|fy hunan|'n hunan)"
            r"|"
            + cy("llosgi")
            + r" (?:fy hun|'n hun|fy hunan|fy mraich|fy nghroen)|"
            + cy("cosbi")
            + r" (?:fy hun|'n hun|fy hunan)"
            r"|"
            + cy("taro")
            + r" (?:fy hun|'n hun|fy hunan|fy mhen)|"
            + cy("anafu")
            + r" (?:fy hun|'n hun|fy hunan)"
            r"|hunan[- ]?(?:niwed|niweidio|anafu)\w*|self[- ]?harm\w*)",
        ),
        (
            "c7.welsh_overdose",
            "C7",
            None,
            r"\b(?P<core>(?:wedi |newydd |di )?(?:cymryd|gymryd|llyncu|lyncu|nghymryd|yfed) (?:y cwbl|y cyfan|y lot|nhw i gyd|pob un|yr holl|holl|llond|llwyth|lot o|gormod o|pecyn cyfan|bocs cyfan|potel gyfan|hanner)"
            r"[^.?!]{0,25}\b(?:tabledi|dabledi|thabledi|pils|pilsen|moddion|foddion|tablets|meds|paracetamol|parasetamol|sertraline|nhw)"
            r"|(?:cymryd|gymryd|llyncu|lyncu|nghymryd) (?:y|fy|yr|'r|ei|ein) (?:\w+ )?(?:tabledi|dabledi|pils|moddion|foddion|tablets|meds)(?: \w+)? (?:i gyd|gyd)"
            r"|"
            + cy("gorddos")
            + r"|gor-ddos|overdose|(?:wedi|di|nes i|wnes i|newydd|ar fin) (?:"
            + cy("cymryd", "gwneud", "neud", "cael")
            + r" )?(?:an? )?od(?!\w)"
            r"|(?:yfed|wedi yfed|llyncu|wedi llyncu) (?:cannydd|bleach|gwenwyn))\b",
        ),
        (
            "c3.welsh_baby",
            "C3",
            "harm",
            r"\b(?P<core>(?:"
            + "|".join(
                cy(v)[3:-1]
                for v in (
                    "brifo",
                    "niweidio",
                    "lladd",
                    "ysgwyd",
                    "boddi",
                    "mygu",
                    "taflu",
                    "gollwng",
                    "taro",
                    "tagu",
                    "gwasgu",
                )
            )
            + r")"
            r"(?: (?:y|fy|ein|ei) |'r |’r )(?:babi|mabi|plentyn|mhlentyn|un bach|bychan|hogyn|hogan|mab|merch|fab|ferch|pram|bram|bygi|fygi|coets|goets))\b",
        ),
        (
            "c3.welsh_intent",
            "C3",
            "intent",
            r"\b(?P<core>(?:babi|mabi|plentyn|un bach)\b[^.?!]{0,20}\b(?:gwell (?:ei byd|ei fyd|yn farw|marw|heb)|well (?:ei byd|ei fyd|yn farw|marw))"
            r"|(?:llais|lleisiau|rhywbeth)\b[^.?!]{0,25}\b(?:dweud|deud|gweud) wrtha i (?:am )?(?:frifo|niweidio|ladd|gael gwared))\b",
        ),
        (
            "c4.welsh",
            "C4",
            None,
            r"\b(?P<core>(?:clywed|glywed|chlywed|nghlywed) (?:lleisiau|llais|pethau|petha)|lleisiau (?:yn|sy'n)|gweld pethau (?:sydd ddim|sy ddim|nad)"
            r"|(?:gwylio|gwylied|dilyn|recordio|ffilmio) (?:fi|fy|ni|ni gyd)\b(?=[^.?!]{0,40}\b(?:ofn|drwy|camera|trwy|pawb|nhw))"
            r"|(?:cenhadaeth|genhadaeth|neges(?:euon)? (?:gan|oddi wrth|o) (?:dduw|duw)|duw (?:yn|wedi) (?:siarad|dweud|deud|gweud))"
            r"|(?:ddim|nid|dim) (?:fy|yn fy|'n) (?:mabi|babi) (?:i )?(?:go iawn)?|babi wedi (?:cael ei )?(?:ffeirio|newid|gyfnewid|chyfnewid|cyfnewid)"
            r"|(?:heb|ddim wedi|dim wedi) (?:gysgu|cysgu) (?:ers|am) (?:dyddiau|ddyddiau|dridiau|tridiau|\w+ noson|nosweithiau|\w+ diwrnod)\b(?=[^.?!]{0,60}\b(?:egni|cynllun|syniad|teimlo'n wych|dim angen|meddwl yn gyflym|siarad yn gyflym|gwylio|lleisiau)))",
        ),
        (
            "c5.welsh_abuse",
            "C5",
            None,
            r"\b(?P<core>fy (?:nharo|mwrw|nghuro|nghicio|ngwthio|nhagu|mygwth|nghloi|rheoli)|yn fy (?:nharo|mwrw|nghuro|nghicio|ngwthio|nhagu|rheoli)"
            r"|(?:bygwth|mygwth|fygwth) (?:fy lladd|lladd|fi|fy|mynd â|cymryd y babi)|cam-?drin(?: domestig)?|gamdrin|trais yn y cartref"
            r"|(?:ofn|ofni) (?:o|fo|e|fe|arno fo|ohono fo|ohono|ohono fe|fy mhartner|'r gŵr|y gŵr|y gwr|'r gwr)\b"
            r"|(?:angen|isio|rhaid i mi|rhaid i fi|eisiau) (?:gadael|adael|dianc|ddianc|mynd o 'ma|mynd o ma) (?:heno|rŵan|rwan|nawr|heddiw)"
            r"|(?:mae|ma) (?:o|e|fo|fe|'r gŵr|'r gwr)\b[^.?!]{0,20}\b(?:tu allan|wrth y drws|ar ei ffordd|yn cicio'r drws)\b(?=[^.?!]{0,60}\b(?:ofn|cuddio|helpu|help|bygwth)))",
        ),
        (
            "c8.welsh",
            "C8",
            None,
            r"\b(?P<core>"
            + cy("treisio")
            + r"|(?:gorfodi|orfodi|gorfododd|orfododd|nath o orfodi|wnaeth e orfodi) (?:fi|fi i|fi'n) (?:i )?(?:gael|cael) (?:rhyw|secs)"
            r"|heb (?:fy )?(?:nghaniatâd|nghaniatad|caniatâd|caniatad)|ymosod(?:iad)? rhywiol|ymosododd arna i'n rhywiol)\b",
        ),
        (
            "c9.welsh_age",
            "C9",
            None,
            r"\b(?P<core>(?:dwi|dw i|rwy|rydw i|fi)(?:'n| yn) (?:1[2-7]|ddeuddeg|dair ar ddeg|bedair ar ddeg|bymtheg|pymtheg|un ar bymtheg|dwy ar bymtheg|ddwy ar bymtheg|saith ar bymtheg)"
            r"(?! (?:wythnos|mis|diwrnod|munud|awr|oed o|oed yn))|blwyddyn (?:[7-9]|1[0-3]) (?:yn yr ysgol|ac|a)\b[^.?!]{0,30}\b(?:feichiog|disgwyl|babi))",
        ),
    ]


CONCEPT_RULES += _welsh_rules()


# --------------------------------------------------------------------------
# Structure that sets a message apart from a disclosure (kept apart by
# structure, not by a list of lines). See ``detector._context``.
# --------------------------------------------------------------------------
# Risk in the present: any of these keeps a finding, whatever else is said.
PRESENT_RISK = (
    r"\b(?:urges? (?:are|is|have been|keep|now|again|back|to (?:cut|hurt|harm|die|end|take))|(?:having|getting|get|have|i have) (?:\w+ )?urges|relaps\w*|lately|recently|these days|this week|tonight|right now|at the moment|rn"
    r"|(?:doing|cutting|harming|hurting|thinking about) (?:it |that )?again|again (?:now|tonight|lately|this week)"
    # round 13: another try, "to make sure this time" ("i neud yn siwr tro ma")
    r"|(?:make sure|make certain|yn siwr|yn siŵr|yn saff) (?:it works )?(?:this time|" + _THIS_TIME_CY + r")"
    r"|started (?:again|back|up again)|(?<!never )(?<!not )(?<!\bhe )(?<!\bshe )(?<!\bwe )(?<!\byou )(?<!\bdad )(?<!\bmum )(?<!\bpartner )(?<!\bhusband )(?<!\bwife )(?<!can it )(?<!will it )(?<!could it )(?<!might it )(?<!would it )(?<!does it )(?:are|is|it is|have|has|they are|come|came|coming|creeping) back"
    r"|keep (?:wanting|thinking|getting|having)|still (?:want to (?:die|end|hurt|cut|go|disappear)|think about (?:it|dying|ending|hurting|cutting)|feel like (?:dying|ending)|have (?:thoughts|urges)|do it|doing it|happening|hits|hurts)"
    r"|i need help now|need (?:it|help|them|this|that|someone|somebody|the number) (?:now|right now|asap|tonight)|scared i will|worried i will|i am going to (?:do|end|hurt|kill|cut|take)"
    r"|(?:want|need|going|how do i|how can i|where do i|where can i) (?:to )?(?:report|tell the police|go to the police)(?![^\n]*\b(?:years|decades?|when i was)\b)|all i (?:want|wanna) (?:is|to)\b"
    r"|(?:they are|theyre|these are|it is|its) (?:all )?(?:new|fresh|recent|still (?:bleeding|raw|healing|open))"
    r"|(?:i|i still|and i) (?:want|wanted|need) to (?:die|end|hurt|cut|kill|go|disappear|do it|not be here)|(?:do|doing|try|trying) it again|want to again|again (?:soon|tonight|now)"
    r"|i (?:have )?(?:"
    + _KEEP_AT
    + r" )?(?:re ?open(?:ed|ing)|open(?:ed|ing) (?:\w+ ){0,3}(?:back )?up|ripp(?:ed|ing) (?:\w+ ){0,3}open)|fresh (?:ones|cuts|marks|wounds|burns)"
    # round 10: the past hurting now ("having a full on panic attack in the car park")
    r"|(?:having|in the middle of) (?:a |an )?(?:full on |full blown |massive |huge |bad )?panic attack|(?:keep|keeps|i am|am) (?:having|getting) flashbacks)\b"
)
# Past, and over: "years ago", "when I was 17", "in 2016", "as a teen", with "now", "well", "got help".
PAST_TIME = (
    r"\b(?:years? ago|yrs ago|months ago|(?:a )?long time ago|ages ago|when i was (?:younger|a teen\w*|a kid|little|at (?:school|uni|college)|\d+|in my)"
    r"|as a (?:teen\w*|kid|child|student|young\w*)|in my (?:early |mid |late )?(?:teens|twenties|20s|thirties|30s|youth)|at (?:uni|university|school|college)|in (?:19|20)\d\d|back in|(?<!am )(?<!are )(?<!is )(?<!get )(?<!got )(?<!getting )(?<!be )(?<!so )used to"
    r"|in the past|(?:my|a|the) (?:last|first|previous|old) (?:pregnancy|relationship|partner)|history of|past history|\d+ (?:years?|yrs) (?:ago|well|clean|since)"
    r"|(?:have not|not|never) (?:done it |had it |felt (?:it|that) )?(?:since|for (?:over |more than |about )?\d+|in (?:over |more than )?\d+)|last time was"
    r"|years (?:back|before)|in the (?:\d0s|nineties|eighties|seventies)|(?<!have a baby )(?<!having a baby )(?<!keep a baby )(?<!be a mum )(?<!be a mam )(?<!being a mum )at (?:1\d|2\d)(?! ?(?:weeks|wks|w|days|months|mins|minutes|%|am|pm|hours))"
    r"|\bold\b[^.?!]{0,15}\bscars|scars\b[^.?!]{0,25}\b(?:are|r|is) (?:old|faded|white|silver|years old)|scars from(?= (?:self ?harm|cutting|sh|when|years|my teens|school|uni|college|back|a long|long ago|the past|before|my (?:teens|twenties|youth|past|childhood)|\d))"
    r"|(?:f|fl|bl|ml)ynedd(?:oedd)? yn (?:ôl|ol)|ers (?:\d+|dwy|tair|pedair|pum|pump|chwe|chwech|saith|wyth|naw|deg) (?:blynedd|mlynedd|flynedd|mis|misoedd)|pan (?:o'n i|oeddwn i|oedd hi|oedd o|o'dd hi)(?:'n| yn) (?:blentyn|ifanc|iau|fach|bach|\d+|yr ysgol|y coleg|y brifysgol|fy arddegau|arddegau|ei harddegau|fyfyr\w+|(?:\w+ ar )?(?:bymtheg|ddeg)|ddeunaw|deunaw|ugain|bedwar ar bymtheg)|ers talwm|(?:ddim|dim) ers|flynyddoedd"
    # round 11: a time around a birth, with the child's age now ("after he was born ... she is 3 now")
    r"|(?:after|when|once) (?:he|she|they|my (?:son|daughter|eldest|first|boy|girl)) (?:was|were) (?:born|a baby|a newborn|tiny|little)(?=[^\n]{0,120}\b(?:he|she|they) (?:is|are) (?:now )?(?:[2-9]|1[0-8]|two|three|four|five|six|seven|eight|nine|ten)\b(?! (?:weeks|months|days)))"
    r"|(?:19[5-9]\d|20[0-2]\d)|my teens|teenage|as a teen\w*|back then|years on|previous|past (?:overdose|attempt|history|self harm|suicide)|during my (?:first|last|previous) pregnancy"
    r"|(?:rough|difficult|hard|bad|messy|wild|troubled|dark) (?:teens|teenage years|twenties|childhood|youth)"
    r"|last year|a decade|decade ago|\d+ (?:years?|yrs) later|(?:with|after) (?:my|our) (?:first|eldest|oldest|first one|first baby|first child|last baby|older one)|last time|first time round"
    r"|(?:i was|was) in an? (?:abusive|violent|controlling|toxic) relationship|left (?:him|her|them) (?:before|when|after|years|months)"
    r"|llynedd|blwyddyn yn (?:ôl|ol)|yn fy arddegau|yn y brifysgol|(?:efo|gyda)'r (?:cynta|cyntaf)|(?:efo|gyda) (?:y|fy) (?:cynta|cyntaf|plentyn cyntaf)"
    # Welsh "used to", "as a teenager", and an age given beside the writer's age now ("... yn 19. dwi'n 31 rwan")
    r"|\w+ year back|(?:i'n|yn) blentyn|yn fy mhlentyndod|plentyndod|yn y (?:\d0au|nawdegau|wythdegau|saithdegau)|(?:ngŵr|ngwr|mhartner|nghariad) (?:cynta|cyntaf|blaenorol)"
    r"|(?<!nag )(?<!na )(?:o'n|ro'n|roeddwn|oeddwn|oedd|roedd|r'on|bod|fod) (?:i|hi|o|fo|e|nhw)(?:'n| yn) arfer|fel (?:teenager|teen|plentyn|merch ifanc|hogan ifanc|merch ysgol|hogan ysgol)"
    r"|yn (?:1\d|2\d)(?: oed)?(?=[^\n]{0,60}\b(?:dwi'n|dw i'n|rwy'n|rydw i'n|wi'n|fi'n) (?:[2-5]\d)\b))\b"
)
RESOLVED = (
    r"\b(?:now|since|well now|better now|fine now|ok now|okay now|in a (?:good|better|great) place|happy|happily|recovered|recovery|got (?:help|better|support|treatment|through it)"
    r"|had (?:help|therapy|counselling|counseling|support|treatment|cbt)|treated|sorted|it passed|passed|over it|long gone|safe now|been safe|clean|doing (?:well|great|ok)"
    r"|moved on|never came back|out (?:of it|and)|left him|left her|got out|no contact|not in (?:our|my|her) li(?:fe|ves)|had (?:loads of |lots of |some |great |good )?(?:help|support|therapy|counselling)"
    r"|i am (?:fine|ok|okay|well|good)|feel fine|(?:long |all |well |far )?behind me|in the past now|i feel (?:fine|ok|okay|well|good)|old scars|healed|faded"
    r"|rŵan|rwan|nawr|erbyn hyn|yn well|yn saff|wedi gwella|yn iawn|yn hapus|ddim ers|dim ers"
    r"|scars|stopped|it stopped|they stopped|went away|(?:all )?good now|therapist|therapy|counsell\w*|dbt|cbt|camhs|stable|in recovery"
    r"|my (?:notes|records)|midwife|booking|antenatal|health visitor|gp"
    # round 13: asking how to explain the past to someone ("... my toddler asked about them. what do i say")
    r"|(?:what|how) (?:do|should|would|can|could) i (?:say|tell|explain|answer|talk to)"
    r"|i (?:finally )?left (?:in (?:19|20)\d\d|him|her|them|years ago)|(?:years|months) later"
    r"|been (?:well|fine|good|ok|okay)|well for|doing (?:really |so |very )?(?:well|great|ok|okay|brilliantly|fine|amazing)|got (?:\w+ )?(?:help|support|treatment|meds)|felt better|discharged|resolved"
    r"|therapi|cwnsela|gwnsela|triniaeth|(?:yn )?glir o|(?:wedi|di) helpu|ges i (?:help|therapi|cwnsela|gwnsela|driniaeth|gefnogaeth)|iach|wedi hen fynd|dwi'n (?:dda|iawn)"
    r"|(?:dwi|dw i|rwy|wi|fi|rydw i)(?:'n| yn) (?:iawn|dda|well|hapus)|cefnogaeth|gefnogaeth|wedi newid"
    r"|(?:wedi |di |nes i )?stopio|(?:wedi|di) (?:pasio|basio|mynd heibio)|ers amser (?:maith|hir)|(?:yn |'n )?falch|pa mor bell|(?:wedi|di) cael (?:help|cymorth|therapi|cwnsela|triniaeth)|mewn lle (?:da|gwell))\b"
)
# Soaps and dramas by name: a story, not the writer's life (round 12).
_SOAPS = r"(?:emmerdale|eastenders|east enders|corrie|coronation street|hollyoaks|casualty|holby(?: city)?|home and away|the archers)"
# Someone else's story in the news, a programme, a book; or people in general.
REPORTED = (
    r"\b(?:news|bbc|article|documentary|drama|programme|program|film|movie|(?<!red )book|novel|character|podcast|episode|storyline|the paper|newspaper"
    r"|(?:a|the) (?:play|musical|show|opera|panto|one woman show) (?:at|in|about|on)\b|theatre|theater"
    r"|soap|series|netflix|telly|tv|"
    + _SOAPS
    + r"|leaflet|statistics?|stats?|research|study|studies|read (?:that|about|on|in|a)|saw (?:on|in|a post|that|an)"
    r"|(?:watched|watching|seen|saw) (?:a|the|this|that|an|some) (?:\w+ )?(?:programme|program|documentary|film|movie|drama|show|video|episode|series|clip|reel)|heard (?:on|about|that)|posted about|post about|on facebook|on instagram|on tiktok|on mumsnet"
    r"|radio|(?:a|this|some|one|the) (?:woman|women|mum|mother|man|dad|girl|lady|celebrity|celeb|influencer|youtuber|tiktoker|blogger|presenter|guest|footballer|singer|actress|actor) on (?:the )?(?:\w+ ){0,2}(?:today|tonight|this morning|talking|talked|saying|said|who|was|is|posted|shared|spoke|wrote|opened up)"
    r"|(?:someone|somebody|a woman|a mum|a girl|a lady|people|loads of people) (?:on|in) (?:the |a |my |this |that )?(?:\w+ )?(?:forum|group chat|facebook group|thread|whatsapp group|reddit|subreddit)"
    r"|(?<!nearly )(?<!almost )(?<!i )(?:died|passed away|dead) (?:of|from|after) (?:an? )?(?:accidental )?(?:overdose|od)|there was (?:a|another) (?:suicide|fatality|death|body found|jumper|person hit by a train|stabbing|shooting)|there was a (?:story|piece|article|report|case|talk|sermon)|(?:the|our|a) local paper|in the paper"
    r"|podlediad|bodlediad|phodlediad|rhaglen|raglen|newyddion|erthygl|teledu|ar y we|darllen am|darllenais|ddarllenais)\b"
)
# A story (fiction, a programme, the news): even signs of psychosis in it are no
# disclosure, unless the message is about the writer or someone close (OWN_PEOPLE).
FICTION = (
    r"\b(?:watch\w*|read\w*|saw|seen|on|in|from|like|listening to|heard) (?:a|an|the|that|this|some|last night's|tonight's) (?:\w+ ){0,2}"
    r"(?:drama|programme|program|film|movie|soap|episode|storyline|documentary|podcast|novel|series|article|book)\b"
    r"|\b(?:drama|programme|film|movie|soap|episode|storyline|documentary|podcast|novel|series|character|book)s? (?:about|where|with|in which|on)\b"
    r"|\b(?:the|that|this|a) (?:drama|soap|film|movie|programme|documentary|series|episode) (?:last night|yesterday|tonight|on (?:tv|telly|itv|bbc|channel \d))"
    r"|\b(?:the|a|one) character\b|\bnetflix\b|\b"
    + _SOAPS
    + r"\b|\b(?:rhaglen|raglen|ffilm|cyfres|podlediad|erthygl) (?:am|lle|efo|gyda)\b"
)
# A story's own clause ("a novel where ...", "a drama about ..."): a sign told right after it, in
# the same clause of the message, is the story's, whoever is reading it (round 10; ``detector._a_story``).
STORY_CLAUSE = r"\b(?:drama|programme|program|film|movie|soap|episode|storyline|documentary|podcast|novel|series|book|story|show)s? (?:about|where|in which)\b"
OWN_PEOPLE = (
    r"\b(?:my|our) (?:wife|partner|girlfriend|gf|fiancee|sister|daughter|mum|mam|mother|friend|best friend|missus|other half|oh|husband|boyfriend)\b"
    r"|\bi (?:am|have|keep|can|hear|see|feel|think|know)\b|\b(?:fy|ein) (?:ngwraig|mhartner|chwaer|merch|mam|ffrind)\b|\bdwi\b"
)
RELATES = r"\b(?:i feel (?:the same|like that)|me too|same as me|like me|i do too|that is me|i am the same|relate\w*|made me (?:think|realise|realize) i)\b"
GENERIC = (
    r"\b(?:lots of|loads of|many|most|some|other|a lot of|all|plenty of) (?:new |first time |other )?(?:parents|mums|mothers|mams|moms|dads|fathers|people|women|men|families)\b"
    r"|\b(?:why|how) do (?:new )?(?:parents|mums|mothers|people|women|dads) (?:get|have)\b"
    r"|\b(?:is it|it is|is that) (?:common|normal|usual|typical) for (?:new |first time |other |most )?(?:parents|mums|mothers|mams|moms|dads|people|women|men) to (?:worry|feel|have|get|think|check|fear|be scared|be frightened|imagine)\b"
    r"|\b(?:general question|generally speaking|asking generally|asking in general|hypothetical\w*|what (?:do|should) you do if you think (?:someone|a friend|a mum|a parent|somebody))\b"
)
INFO_QUESTION = (
    r"^(?:hi |hello |hiya |helo |shwmae )?(?:oes|be ydi|beth yw|beth ydi|lle mae|ble mae|what|whats|what is|what are|where|where is|is there|are there|how (?:do|can) (?:you|i|someone|people) (?:find|get|contact|call|spot|tell|know|help|support|report)"
    r"|who (?:do|can)|can you (?:tell|give|explain)|do you have|what counts|how common|is it true|tell me about|explain)\b"
)
FIRST_PERSON_ANY = (
    r"^[^.?!]*\b(?:i|me|my|myself|mine|we|us|our|i am|i have|fi|dwi|fy|mi|ni)\b"  # in the first sentence
)
# Laughter or "joking": the finding becomes a gentle check, never dismissed
# (people do mask real distress with "lol").
JOKING = (
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|joking|only joking|just kidding|kidding|obviously not|i will not really|not really"
    # round 11: exasperation as a condition ("if i hear that song one more time i swear i will ...")
    r"|if (?:i|he|she|they|the baby|my \w+) (?:hear|hears|have to|has to|see|sees|sing|sings|watch|watches|step on|say|says|ask|asks|get|gets) [^.?!]{1,60}\b(?:one more time|once more|again) i (?:swear |promise )?(?:to god )?(?:i will|i am going to|i am gonna|i shall))\b"
)
SERIOUS = r"\b(?:not (?:joking|kidding)|no joke|seriously|honestly|for real|i mean it|genuinely|tonight|right now|urges?)\b"
# The markers of a message's structure, read by the detector (``_context``) and
# given to the risk model as features (``model.ContextFlags``).
CONTEXT_MARKERS = (
    "PRESENT_RISK",
    "PAST_TIME",
    "RESOLVED",
    "REPORTED",
    "RELATES",
    "GENERIC",
    "INFO_QUESTION",
    "FIRST_PERSON_ANY",
    "JOKING",
    "SERIOUS",
)
JOKING_EMOJI = "\U0001f602\U0001f923\U0001f606\U0001f605\U0001f604\U0001f601\U0001f643\U0001f61c\U0001f61d"

# Concepts added from the risk model's held-out misses on its TRAINING data
# (plans with a day, a decision made, what is needed at hand, no right to live,
# "after me", emergencies in someone else).
CONCEPT_RULES += [
    (
        "c1.plan_time",
        "C1",
        None,
        r"\b(?P<core>(?:going to|gonna|will|am doing|doing) (?:do )?it (?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|this weekend|at the weekend|when (?:he|she|they|everyone)|after (?:the|her|his|their))"
        r"|(?:picked|chosen|set|got|know) (?:a|the) (?:date|day|time)(?! for (?:the|a|her|his|our|my) (?:christening|party|wedding|appointment|jabs|birthday|holiday|trip))"
        r"|(?:since|now that) i (?:have )?decided|made (?:my )?peace with it|made my mind up|my mind is made up|(?:have|got) it all planned"
        r"|(?:which|what) day would be (?:least|less) (?:bad|hard)|the right time to (?:go|do it|leave them))\b",
    ),
    (
        "c1.at_hand",
        "C1",
        None,
        r"\b(?P<core>(?:got|have|gathered) (?:everything|all) (?:ready|i need|sorted)|(?:got|have) what i need(?: at home)?|(?:got|have) the stuff|everything is ready)\b"
        r"(?=[^\n]{0,120}\b(?:nerve|tonight|goodbye|sorry|done|end|gone|can not|no one|nobody|plan|time|brave|courage)\b)",
    ),
    (
        "c1.no_right",
        "C1",
        None,
        r"\b(?P<core>(?:do not|not|never) deserve to (?:live|be alive|be here|exist|be happy and alive)|(?:want|ready|allowed) to stop fighting|tell me (?:it is|its) (?:ok|okay) to (?:stop|go|let go)"
        r"|can not (?:keep|make) (?:my|the) promise to (?:stay|keep) safe|(?:end|ending|finish|finishing) things\b(?! (?:with|off with) (?:him|her|my|the))"
        r"|top(?:ping)? myself|(?:if|when) i (?:died|die|was dead|am dead) (?:tomorrow|tonight|today|it would|they would|everyone would)"
        r"|(?:if|in case) (?:something|anything) (?:happens|happened) to me\b[^.?!]{0,60}\b(?:for real|really|honestly|serious|custody|letter|will)"
        r"|(?:can not|do not) see (?:me|myself) (?:making it|being here|seeing|getting) to)",
    ),
    (
        "c7.taken_all",
        "C7",
        None,
        r"\b(?P<core>(?:took|taken|swallowed|necked|had) (?:everything i (?:had|saved|had saved)|(?:my|the) whole stash|all of it|the lot|(?:\d+|two|to|three|four|five|six) (?:boxes|packets|packs|strips|bottles|blister packs?)(?: of)?))\b"
        r"(?=[^\n]{0,100}\b(?:pills?|tablets?|meds|medication|paracetamol|codeine|sertraline|insulin|diazepam|stash|saved|kicking in|done|sleep|sleepy|drowsy|spinning|on purpose|all of it|boxes|packets)\b)",
    ),
    (
        "c7.unresponsive",
        "C7",
        None,
        r"\b(?P<core>(?:gone|went|is|has gone|going) (?:limp|floppy|grey|pale and still|very pale and still)|(?:not|is not|are not|stopped) (?:responding|reacting)(?: to (?:me|us|anything))?"
        r"|hard to (?:rouse|wake)|(?:will not|can not|cannot|could not|not) wake (?:him|her|them|up)\b(?=[^.?!]{0,60}\b(?:took|taken|pills|tablets|drink|drank|empty|packets|overdose))"
        r"|(?:ddim yn|dim yn|heb) (?:anadlu|ymateb)|ddim yn deffro)\b",
    ),
]
