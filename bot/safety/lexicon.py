"""Risk lexicon: patterns grouped by category (see ../shared/SAFETY.md).

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
    "dying": "die", "died": "die", "dies": "die", "dead": "dead", "ded": "dead",
    "wanted": "want", "wants": "want", "wanting": "want",
    "ending": "end", "ended": "end", "ends": "end",
    "killing": "kill", "killed": "kill", "kills": "kill",
    "hurting": "hurt", "hurts": "hurt", "harming": "harm", "harmed": "harm",
    "cutting": "cut", "burnt": "burn", "burned": "burn", "burning": "burn",
    "taking": "take", "took": "take", "taken": "take",
    "hanging": "hang", "hanged": "hang", "hung": "hang",
    "wished": "wish", "wishing": "wish",
    "thoughts": "thought", "thinking": "think",
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
    ("c1.want_die", "C1", None, [
        "~want|~wish|~hope|~pray|~plan|~try|~decide|~go|~ready|~mean to ~die",
        "rather ~die", "how to ~die", "ways to ~die",
        "~want to be dead", "rather be dead", "~wish @subj was|were dead", "~wish @subj would|had ~die", "@subj would|could be better off dead",
        "~want to just? be dead", "just be dead",
    ]),
    ("c1.kill_self", "C1", None, [
        "~kill|~hang|~end|~drown|~shoot|~poison @refl",
    ]),
    ("c1.end_life", "C1", None, [
        "~end|~take @poss own? life|lives",
        "~end it all", "~end everything",
        "~want to ~end it", "just ~end it", "~think about|of ~end it",
    ]),
    ("c1.not_live", "C1", None, [
        "not ~want to live|exist|continue", "not ~want to carry|keep|go on|going",
        "not ~want to wake up", "not ~think i can ~keep|~go|~carry going|on",
        "not ~want to be alive|here|around",
        "~want to stop existing|living", "~stop existing",
        "~wish @subj did not exist", "not existing",
        "rather not be alive|here|around|exist",
        "never be|been born", "no reason to live|carry|keep",
        "not worth living", "tired|sick of living|life", "tired|sick of being alive|here",
        "~have enough of life|living|everything", "done with life|living",
        "~give up on life|living|everything",
        "out of this life|world", "~leave this world",
        "not be here|around anymore|any", "not being here|around",
        "should just? not be here|around|alive",
        "not going to be around much? longer",
        "point of|in living|life", "point of|in being alive|here",
        "no point going|carrying on", "no point living",
        "can not go|carry|keep on|going",
        "can not keep going|living",
        "can not see a way out", "no way out",
    ]),
    ("c1.not_wake", "C1", None, [
        "never wake up", "do not wake up", "not to wake up", "to not wake up", "and not wake up",
        "~sleep|asleep forever", "to sleep and not|never wake",
    ]),
    ("c1.be_gone", "C1", None, [
        "~disappear|~vanish|away forever|permanently", "~disappear|~vanish|away for good",
        "~sleep|asleep forever", "~stop|~end for good|forever|permanently",
        "~want to be gone", "be gone for good|forever", "~want it all? over",
        "~want it all to ~end|~stop", "~want everything to ~end|~stop",
        "if i was|were gone|dead", "if i was|were not around|here|alive", "after i am gone",
        "better off without me|her|him", "better|happier|easier without me|her|him",
        "better off if i|she|he was|were|had|not",
        "without me in it",
        "~miss|~notice me? if i was|were|died|~die|am|not",
        "care if i died|~die|was",
    ]),
    # ---- C2 self-harm
    ("c2.harm_self", "C2", None, [
        "~cut|~harm|~hurt|~burn|~punch|~hit|~scratch|~starve|~bruise|~bite @refl",
        "~make myself|herself|himself bleed",
        "~cut again", "~cut my|her|his wrists|arms|legs|thighs",
    ]),
]

# --------------------------------------------------------------------------
# Regex rules (on the normalised text)
# --------------------------------------------------------------------------
_BABY = r"(?:(?:the|my|our|this|her|his) )?(?:baby|babies|bubs|newborn|son|daughter|little one|child|kid|kids|toddler|boy|girl|him|her|them)"
_BABYN = r"(?:(?:the|my|our|this|her|his|their|my friend's|the neighbour's) )?(?:baby|babies|bubs|newborn|son|daughter|little one|child|kid|kids|toddler|children)"
_HARM = (r"(?:hurt\w*|harm\w*|drop(?:ped|ping|s)?|drown\w*|stab\w*|throw\w*|threw|smother\w*|"
         r"suffocat\w*|shak(?:e|es|ing)|shook|squeez\w*|kill\w*|strangl\w*|chok\w*|"
         r"sacrific\w*|poison\w*|snap \w+ neck|hit|hits|hitting|slap\w*|smack\w*|punch\w*|"
         r"kick\w*|batter\w*|beat|beats|beating|grab\w*|abus\w*)")
_ABUSER = (r"(?:he|partner|husband|hubby|boyfriend|bf|fella|ex|fianc[eé]e?|other half|wife|"
           r"girlfriend|gf|dad|father|stepdad|mum|mother|they|someone|him)")
_PILLS = (r"(?:pills?|tablets?|meds|medication|medicine|antidepressants?|sertraline|fluoxetine|"
          r"citalopram|mirtazapine|paracetamol|co-?codamol|codeine|ibuprofen|tramadol|"
          r"diazepam|insulin|sleeping pills|painkillers?|pain killers?)")

REGEX_RULES: list[tuple[str, str, str | None, str]] = [
    # ---- C1 text speak, misspellings (mapped in normalise), Welsh, method talk
    ("c1.kms", "C1", None, r"(?<![\d.] )(?<!\d)\b(?P<core>kms|kys|ctb|unaliv\w*)\b"),
    ("c1.suicide_word", "C1", None, r"\b(?P<core>suicid\w*)"),
    ("c1.welsh", "C1", None,
     r"\b(?P<core>(?:eisiau|isio|ishe|isie|moyn|eisie) marw|(?:l|)ladd fy hun|hunanladdiad|"
     r"ddim (?:eisiau|isio|ishe|moyn) byw|gwell heb(?:dda i| fi))\b"),
    ("c1.method", "C1", None,
     r"\b(?P<core>(?:driv\w*|drove|swerv\w*|crash\w*|walk\w*|jump\w*|throw\w* myself) "
     r"(?:my car )?(?:into|off|in front of|under|from) (?:a|the)? ?"
     r"(?:wall|lorry|truck|tree|traffic|sea|river|bridge|train|car|bus|cliff|roof|building|canal))"),
    ("c1.bridge", "C1", None, r"\b(?:bridge|cliff|edge|roof|platform)\b[^.?!]{0,30}\b(?P<core>think\w* about (?:jump\w*|it))"),
    ("c1.preparation", "C1", None,
     r"\b(?P<core>stockpil\w*|sav(?:ing|ed) up|hoard\w*|collect\w*) (?:all )?(?:my |of )?" + _PILLS
     + r"|\b(?P<core2>bought|got|have) a rope\b"
     + r"|\b(?:notes?|letters?) (?:for|to) (?:my|the) (?:family|kids|children|partner|husband|wife)\b"
     + r"|\bsaid my goodbyes\b|\bsaying goodbyes?(?: to (?:everyone|everybody|people|my family|the kids|my kids|my children|all)|\s*$|\s*[.,!?])"
     + r"|\bgiv(?:ing|en) (?:my|her|his|all my|all her) (?:things|stuff|belongings) away\b"
     + r"|\bhow many (?:tablets|pills|paracetamol) (?:it )?(?:would|will|does|to) (?:it )?take\b"
     + r"|\bhow i would do it\b|\btonight is the night\b"),
    ("c1.dead_wish", "C1", None, r"\b(?P<core>wish(?:ed)? i (?:would|had) (?:died|not survived))|\bwish i was ded\b"),
    # ---- C2 self-harm
    ("c2.self_harm_word", "C2", None, r"\b(?P<core>self[- ]?harm\w*|self[- ]?injur\w*|hunan[- ]?niweid\w*)"),
    ("c2.sh", "C2", None,
     r"\b(?:been|relapsed? on|i|did|do|doing|started|urges? to) (?P<core>sh)\b(?! sh)|"
     r"\b(?P<core2>sh)(?: (?:again|urges?|relapse|scars?|marks?)|'d|'ing)\b"),
    ("c2.cutting", "C2", None,
     r"\b(?P<core>(?:been|started|keep|kept|back to|relapsed?\w*) cutting)(?= again|\s*$|\s*[.,!?]| since| for| because| when| at night| every)"
     r"|^(?P<core2>cutting again)\b|\b(?P<core3>(?:want|need|urge|urges) to cut)\b(?! (?:out|down|back|the|his|her|my|a|some|it|up|off|food|dairy))"),
    ("c2.blade", "C2", None,
     r"\b(?P<core>(?:using|use|used) (?:a|the|my) (?:blade|razor)s?)\b(?! to shave)|\brazor on (?:my|her|him)self\b"),
    ("c2.marks", "C2", None,
     r"\b(?:fresh |new )?(?:cuts|scars|marks|burns) on (?:my|her|his|my \w+'s) (?P<core>arms?|thighs?|legs?|wrists?|stomach|body)\b"
     r"|\bwhat i do to my (?:arms|legs|body)\b|\bdoing (?:it|this) to (?:her|him)self\b"),
    ("c2.pain", "C2", None,
     r"\b(?P<core>pain to feel (?:something|anything|better|alive|real)|deserve to (?:be hurt|feel pain|suffer)"
     r"|(?:until|till) (?:they|it|i) (?:bleed|bled)|bang\w* my head (?:against|on) the wall"
     r"|(?:burn\w*|cut|hit|scratch\w*|bruis\w*|hurt) (?:my|myself|me)\b[^.?!]{0,20}on purpose)"),
    # ---- C3 harm to the baby (detail decided from context by the detector)
    ("c3.harm_baby", "C3", "harm", r"\b(?P<core>" + _HARM + r") " + _BABY + r"\b"),
    ("c3.put_in", "C3", "harm",
     r"\b(?P<core>put\w*) " + _BABY + r" in (?:the|a) (?:oven|freezer|microwave|bath|washing machine|bin)\b"),
    ("c3.baby_dies", "C3", "harm",
     r"\b(?:images?|pictures?|thoughts?|visions?|flashes) (?:of|about) " + _BABYN
     + r" (?P<core>drown\w*|dying|dead|falling|getting hurt|being hurt)\b"
     r"|\b(?P<core2>violent|horrible|awful|scary|intrusive) (?:images?|pictures?|thoughts?|thots?) (?:about|of) (?:harming |hurting |dropping )?" + _BABYN + r"\b"),
    ("c3.intent", "C3", "intent",
     r"\b(?P<core>" + _BABYN + r" (?:would|will) be better off dead|" + _BABYN + r" (?:needs?|has|must|have) to (?:die|go)"
     r"|" + _BABYN + r" (?:must|should) (?:be destroyed|die)|get rid of " + _BABYN
     + r"|want " + _BABYN + r" dead|" + _BABYN + r" is evil and must)"),
    ("c3.intrusive_kind", "C3", "intrusive", r"\b(?P<core>intrusive (?:thoughts?|thots?)) (?:about|of) (?:harming|hurting|dropping|drowning)\b"),
    # ---- C4 postpartum psychosis signs
    ("c4.voices", "C4", None,
     r"\b(?P<core>hear\w* (?:a )?voices?)\b(?! (?:in|from|downstairs|upstairs|next door|outside|through)\b)"
     r"|\b(?P<core2>voices?) (?:keep |keeps |are |is )?(?:tell\w*|told|say\w*|said)\b"
     r"|\bvoices? (?:that )?(?:no ?one|nobody) else\b|\b(?:something|god|a voice)(?: inside me)? (?:is |keeps )?tell(?:s|ing) me\b"),
    ("c4.not_there", "C4", None,
     r"\b(?:seeing|see|saw|hear|hearing|people|things|someone|shadows)\b[^.?!]{0,40}\b(?P<core>(?:are|is|were|was) not (?:really )?there)\b"),
    ("c4.hallucination", "C4", None, r"\b(?P<core>hallucinat\w*|delusion\w*)"),
    ("c4.psychosis", "C4", None,
     r"\b(?:i|she|he|wife|partner|sister|daughter|girlfriend|friend)\b[^.?!]{0,25}\b(?:having|have|has|got|developed|might have|may have|could have|diagnosed with)\b"
     r"[^.?!]{0,12}\b(?P<core>(?:postpartum |postnatal |puerperal |post partum )?psychos[ie]s|psychotic)\b"),
    ("c4.swapped", "C4", None,
     r"\b(?:baby|he|she|him|her|son|daughter)\b[^.?!]{0,20}\b(?P<core>(?:has been|have been|was|been|got|were|is being) (?:swapped|switched|replaced))\b"
     r"|\b(?P<core2>(?:swapped|switched|replaced)) (?:him|her|the baby|my baby|our baby)\b(?! (?:onto|to|on|over|from|into|for|with))"
     r"|\b(?P<core3>(?:not|is not) (?:really )?my (?:real )?baby|baby (?:is not|isn't) (?:mine|real)|imposter|impostor)\b"),
    ("c4.messages", "C4", None,
     r"\b(?:tv|television|radio|telly|clock|numbers|adverts?|songs?|computer|news)\b[^.?!]{0,30}\b(?P<core>sending me|talking to me|messages for me|speaking to me|secret messages|signs for me|messages about)\b"),
    ("c4.grandiose", "C4", None,
     r"\b(?P<core>mission from god|i (?:have|am on) a (?:special |secret )?mission|special powers|super ?powers?|invincible|god (?:has )?chosen|chosen by god|special purpose)\b"
     r"|\b(?<!like )(?:baby|he|she|son|daughter|it) (?:is|was) (?P<core2>possessed|evil|the devil|the messiah|the antichrist|not human)\b"
     r"|\b(?P<core3>know\w* things about the future|see the future)\b"),
    ("c4.paranoia", "C4", None,
     r"\b(?P<core>plotting against|spying on (?:us|me|her)|being poisoned|poisoning (?:me|us|her)|watching (?:me|us|her) through"
     r"|being controlled by|putting thoughts (?:in|into) (?:my|her) head|read(?:ing)? my (?:mind|thoughts))\b"),
    ("c4.behaviour", "C4", None,
     r"\b(?P<core>talking nonsense|saying (?:strange|weird|odd|bizarre) things|(?:acting|behaving) (?:really |very |so )?(?:strange|strangely|weird|weirdly|odd|oddly|out of character)"
     r"|(?:gone|going|is|seems|become) manic|(?:she|he|wife|partner|girlfriend|sister|daughter|husband) (?:is )?not making (?:any )?sense)\b"),
    # ---- C5 domestic abuse, coercive control
    ("c5.violence", "C5", None,
     r"\b(?P<agent>" + _ABUSER + r")\b[^.?!,]{0,20}?\b(?P<core>(?:hits?|hitting|beats?|beat|beating|battered|slap\w*|kick\w*|punch\w*|push\w*|shov\w*|"
     r"strangl\w*|chok\w*|grab\w*|hurts?|hurting|bit|bites|hurt) (?:me|her)(?: up)?)\b(?! (?:in|on) the (?:face|head) with (?:a|her|his) (?:rattle|toy|spoon|book|cup))"),
    ("c5.threat", "C5", None,
     r"\b(?P<core>(?:kill|hurt) (?:me|her) if (?:i|she) (?:leave|go|tell|left)|threat\w* (?:me|her|to take|to kill|to hurt|to share|to leave|that)"
     r"|thr(?:ew|ows|own|owing) (?:a|the|his|my)? ?\w+ at (?:me|her)|locks? (?:me|her) (?:in|out)|smash\w* my phone"
     r"|calls? me (?:worthless|useless|stupid|fat|ugly|a slag)|no one would believe me|if i tell anyone|walking on eggshells"
     r"|isolat\w* me|(?:gets|get|got|becomes|is) violent|get away from him|escape from him|leave him safely|bruises? (?:from|because of) (?:him|my partner|my husband))\b"),
    ("c5.control", "C5", None,
     r"\b(?:he|partner|husband|boyfriend|bf|fella|ex|they)\b[^.?!]{0,12}\b(?P<core>(?:checks|reads|goes through|monitors|tracks|controls|takes) (?:my|all my|all the|all of my) (?:phone|messages|texts|money|bank card|card|location|emails|finances))\b"
     r"|\b(?P<core2>tracks where i go|controls? (?:everything|all) (?:i do|i say)|(?:will not|does not|never|would not) let (?:me|her) (?:out|leave|go out|go anywhere|see|have (?:my|her) own money|have any money|talk to|work)"
     r"|i am not allowed (?:out|to go out|to leave|to see|to have))\b(?! of (?:his|her|their) sight)"),
    ("c5.abuse_word", "C5", None,
     r"\b(?P<core>domestic (?:abuse|violence)|abusive|abuser|coercive control|(?:i am|i have been|she is|she has been) (?:being )?abused|being abused|abuses me)\b"),
    ("c5.fear", "C5", None,
     r"\b(?P<core>(?:scared|afraid|frightened|terrified) (?:of (?:my (?:partner|husband|boyfriend|ex|fella|bf|wife|girlfriend)|what he (?:will|would|might) do)|to go home))\b"),
    ("c5.images", "C5", None, r"\b(?P<core>(?:share|post|send)\w* (?:my |her )?(?:intimate|nude|naked|private|sexual) (?:pictures|photos|pics|images|videos))\b"),
    ("c5.welsh", "C5", None, r"\b(?P<core>fy nharo|yn fy mwrw|cam-drin domestig)\b"),
    # ---- C6 a child at risk (harm by someone else is resolved from c3.harm_baby)
    ("c6.signs", "C6", None,
     r"\b(?P<core>bruis\w* (?:that )?(?:i|we) (?:can not|cannot|could not) explain|unexplained (?:bruis|burn|mark)\w*"
     r"|(?:burn|bruise|mark)s? that (?:my|his|her) \w+ (?:will not|won't|can not|does not) explain|left (?:alone|screaming) (?:in|at|for|all)"
     r"|(?:hand|pillow) over (?:the|my|her|his) baby's (?:mouth|face)|(?:rough|violent) with (?:the|my|our) (?:baby|son|daughter|toddler)"
     r"|throws? things at (?:the|my|our) baby|hurt (?:him|her) and left marks)\b"
     r"|\b(?:baby|son|daughter|child|kid|toddler|children)\b[^.?!]{0,15}\b(?P<core2>(?:being|been|is|was) (?:abused|neglected|harmed|in danger))\b"
     r"|\b(?P<core3>someone is (?:hurting|abusing) (?:my|our) (?:child|baby|son|daughter|kids))\b"),
    # ---- C7 overdose or medical emergency
    ("c7.overdose", "C7", None,
     r"\b(?P<core>overdos\w*|od'd|od-ed|(?:an|took|taken|take|had|have|just|massive) od)\b"),
    ("c7.pills", "C7", None,
     r"\b(?P<core>(?:taken|took|take|swallowed|swallow|had|downed|necked|eaten|ate)) (?:all|the whole|a whole|whole|loads of|lots of|a load of|a lot of|a handful of|handfuls of|a bottle of|a box of|a pack of|a packet of|too many|[1-9]\d+|every one of)"
     r"(?: [\w'-]+){0,3}? " + _PILLS + r"\b"
     r"|\btook too many\b|\btaken something(?: to)?\b|\b(?P<core2>took|taken|take|swallowed) (?:all|the whole|loads|a load) of (?:my|her|his) (?:\w+ )?" + _PILLS),
    ("c7.poison", "C7", None, r"\b(?P<core>(?:drunk|drank|swallowed|swallow|drink|ate|eaten) (?:some |a bottle of )?(?:bleach|antifreeze|weed ?killer|poison|a (?:button )?battery|batteries|magnets?))\b"),
    ("c7.bleeding", "C7", None,
     r"\b(?P<core>(?:will not|wont|can not|cannot) stop (?:the )?bleeding|(?:there is|there's|is|losing|i am losing) (?:a lot of|so much|loads of) blood"
     r"|bleeding (?:a lot|heavily|loads|so much)|cut (?:too )?deep|cut (?:my|her|his) wrists?)\b"),
    ("c7.baby_emergency", "C7", None,
     r"\b(?P<core>(?:is not|not|stopped|has stopped) breathing|(?:gone|turned|turning|going) blue|floppy|unresponsive|(?:having|had|has) (?:a )?(?:fit|seizure|convulsion)s?)\b"
),
    # ---- C8 sexual violence
    ("c8.rape", "C8", None, r"\b(?P<core>rap(?:e|ed|es|ing|ist)|sexual(?:ly)? (?:assault\w*|abus\w*|attack\w*)|assault\w* me sexually|molest\w*)\b"),
    ("c8.forced", "C8", None,
     r"\b(?P<core>forc\w* (?:me|her)\b(?! to (?!have sex|do sexual|sleep with|do things))|forc\w* (?:him|her)sel(?:f|ves) on|made (?:me|her) have sex|mak\w* (?:me|her) do sexual"
     r"|(?:sex|sexual) (?:with me )?(?:when|after|even though) (?:i|she) said no|had sex with (?:me|her) while (?:i|she) was (?:asleep|sleeping|drunk|unconscious)"
     r"|pressur\w* (?:me|her) into sex|(?:did not|didn't|never) consent|without (?:my|her) consent"
     r"|(?:does not|will not|would not|never|did not) (?:take|accept) no(?: for an answer)? (?:in bed|when it comes to sex|and has sex|and (?:forces|makes))"
     r"|touch\w* me when i (?:do not|don't) want|(?:will not|won't|wont) stop touching me|has sex with me anyway)\b"),
    # ---- C9 the user is a child
    ("c9.age", "C9", None,
     r"\b(?P<core>i am (?:only |just |a |an )?(?:[0-9]|1[0-7]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen))\b"
     r"(?!(?: and a half)? ?(?:weeks?|months?|days?|minutes?|mins?|hours?|hrs?|miles?|km|k|%|stone|kg|lbs?|pounds?|\d|:|\.\d|,\d|pp|postpartum))(?! (?:year|yr)s? old (?:baby|son|daughter))"),
    ("c9.school", "C9", None,
     r"\b(?P<core>i am in year (?:[5-9]|1[01])|i am (?:still )?at school|still at school|i am an? (?:teenager|teen|kid|child|minor|schoolgirl|schoolboy)|i am underage|underage and|(?:(?:have not|not) )?(?:done|doing|sitting|sat|finished) my gcses?)\b"),
]

# Benign phrases: a candidate match overlapping one of these is dropped.
EXCLUSIONS: list[tuple[str, str]] = [
    ("idiom.dying_for", r"\bdying (?:for|to|of)\b"),
    ("idiom.kill_for", r"\bkill (?:for|a)\b|\bkill\w* time\b|\bkill\w* (?:my|her|him)sel(?:f|ves) laugh\w*"),
    ("idiom.dead_tired", r"\bdead (?:tired|on my feet|beat)\b"),
    ("idiom.smother_kisses", r"\bsmother\w* (?:her|him|them|the baby) (?:in|with) (?:kisses|love|cuddles|affection)"),
    ("benign.drop_off", r"\bdrop\w* (?:her|him|them|(?:the|my) (?:baby|son|daughter|kids?)) off\b(?! (?:the|a) (?:balcony|bridge|stairs|cliff|roof|window|edge))"),
    ("benign.toddler_agent", r"\b(?:toddler|baby|son|daughter|little one|kid|brother|sister|cousin) (?:hits?|hit|bit|bites|slapped|slaps|kicks?|kicked|pushe?s?d?|grabbed)\b"),
    ("benign.head_bump", r"\bhit (?:her|his) head\b"),
    ("benign.sight", r"\blet me out of (?:his|her|their) sight\b"),
    ("benign.awareness", r"\b(?:training|awareness|documentary|course|article|programme|podcast|policy|work in|leaflet)\b[^.?!]{0,30}\bdomestic (?:abuse|violence)|domestic (?:abuse|violence) (?:awareness|training|course|documentary|charity|policy)"),
    ("benign.substance", r"\b(?:alcohol|drug|substance) abuse\b"),
    ("benign.lost_blood", r"\blost a lot of blood\b"),
    ("benign.past_fit", r"\bhave a fit when\b"),
    ("benign.worry_breathing", r"\b(?:check|checking|checks) (?:she|he|they) (?:is|are) breathing"),
    ("benign.sleep_week", r"\bsleep for a (?:week|day|month|year)\b"),
    ("benign.shake_toy", r"\bshaker\b"),
    ("benign.end_it_with", r"\bend it with\b|\blife back\b"),
    ("benign.cant_go_on", r"\bcan not go on (?:the|a|an|holiday|holidays|with|to|at|my|our|his|her|medication|antidepressants|that)\b"),
    ("benign.accident", r"\b(?:cut|burnt|burned|hurt|scratched|bit) (?:my|her|him)self (?:on the|shaving|cooking|chopping|by accident|accidentally|while|lifting|opening)\b"),
    ("benign.breathing_nose", r"\bnot breathing (?:properly )?through (?:his|her) nose\b"),
]

# Everyday exaggerations that DIET alone may mistake for risk. When the lexicon
# finds no risk and one of these is present, a DIET-only "crisis" is set aside
# (SAFETY.md: "this teething is killing me" must not get crisis numbers).
DIET_IDIOMS: list[tuple[str, str]] = [
    ("idiom.killing_me", r"\b(?:is|are|s|it|its|they|these|this|that|he|she|you) (?:\w+ )?killing me\b(?! (?:and|so) i want)"),
    ("idiom.murder_a", r"\b(?:could|would) (?:murder|kill) (?:a|an|for|some)\b"),
    ("idiom.little_monster", r"\blittle (?:monster|terror|devil)\b"),
    ("idiom.dying_for", r"\bdying (?:for|to|of) (?:a|an|some|my|the|get|have|go|sleep|know|see|try)\b"),
    ("idiom.dead_tired", r"\b(?:dead (?:tired|on my feet|beat)|dead to the world)\b"),
    ("idiom.drives_me_mad", r"\b(?:drives|driving) me (?:mad|crazy|up the wall|round the bend)\b"),
]

# Whole-message completions: a lone "end it" is a disclosure even when the NLU
# component never saw the previous message.
STANDALONE: dict[str, str] = {
    "end it": "C1", "end it all": "C1", "ending it": "C1", "not wake up": "C1",
    "never wake up": "C1", "be gone": "C1", "die": "C1", "to die": "C1",
    "kill myself": "C1", "marw": "C1", "not be here": "C1", "not be here anymore": "C1",
    "disappear forever": "C1", "unalive": "C1", "unalive myself": "C1",
    "sh": "C2", "od": "C7",
}

# ---- context words used by the detector
NEGATION_CUES = {"not", "never", "no", "nt"}
HEDGE_AFTER_NEGATION = {"sure", "know", "think", "care", "one", "ok", "okay", "fine", "coping", "see", "point", "stop", "reason"}
FEAR_MARKERS = (r"\b(?:scared|afraid|terrified|terrifies|terrify|frightened|frightens|frighten|worry|worried|worries"
                r"|what if|in case|thoughts?|thots|pictures?|picture|images?|imagin\w*|flashes|horrif\w*|hate it"
                r"|seeing myself|in my head|the thought|scary|intrusive|unwanted|urge to)\b")
INTENT_MARKERS = (r"\b(?:act on (?:it|them)|mean it|actually (?:do|hurt|harm)|could actually|might actually"
                  r"|stop myself|voices?|tell\w* me|told (?:me|i have)|have to (?:hurt|harm|kill)|going to|will"
                  r"|want to|want|wants)\b")
STRONG_INTENT_MARKERS = (r"\b(?:act on (?:it|them)|mean it|actually (?:do|hurt|harm)|could actually|might actually"
                         r"|stop myself|voices?|tell\w* (?:me|her)|told (?:me|i have|i)|have to (?:hurt|harm|kill)|want to|wants to"
                         r"|sacrific\w*|better off dead)\b")
# Subjects of a harm-to-baby phrase (C6 = someone other than the writer)
OTHER_AGENTS = {"he", "they", "someone", "partner", "husband", "boyfriend", "bf", "fella", "ex",
                "dad", "father", "stepdad", "mum", "mother", "nan", "grandad", "them", "neighbour",
                "childminder", "hubby", "fiance", "man"}
SELF_AGENTS = {"i", "me", "myself"}
# Markers that the writer is talking about another person
OTHER_PERSON = {"she", "he", "her", "his", "him", "herself", "himself", "they", "them", "themselves",
                "wife", "partner", "husband", "girlfriend", "boyfriend", "sister", "daughter",
                "friend", "mum", "mother", "brother", "son", "fiance", "fiancee", "missus", "bestie"}
FIRST_PERSON = {"i", "me", "myself", "my", "mine", "we", "us", "our"}
# Relations that are usually the abuser in C5/C8, so not "someone else at risk"
ABUSER_WORDS = {"he", "him", "his", "partner", "husband", "boyfriend", "bf", "fella", "ex", "they", "them",
                "himself", "fiance", "hubby"}
