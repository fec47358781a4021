# ruff: noqa: E501
"""A fifth wording, written after the code was tuned on the other four, to estimate unseen text.

It mixes what the others vary one at a time, in sentences of its own: amounts as
"1,85 million d'euros" and "5 600 000 €", a scale in a merged table header ("en milliers
d'euros"), "vingt-trois pour cent", "un demi-ETP"; qualifiers "quelque", "de l'ordre de",
"approximativement", "à peine", "n'excède pas", "un peu plus de", "≈", "<", ">"; periods "au
31 décembre 2023", "sur l'exercice 2023", "au titre de 2024", given once for a list or in a
table caption; back-references ("l'application", "le service", a possessive), two subjects
in one sentence, parenthesised segments, lists, boxes, footnote calls after numbers, and
distractors (code articles, circular and recommendation numbers, pages, dates, durations,
figures about other products and administrations). No sentence of the press article or of
the other wordings is reused.
"""

from __future__ import annotations

from scripts.generalisation.document import Document

FOOTNOTES = {
    "perimetre": "À périmètre courant, hors fonds de concours et crédits du plan de relance.",
    "etp": "Effectifs mesurés en équivalents temps plein, prestataires inclus.",
    "snap": "Bouquet d’outils mis à disposition des agents à partir du printemps 2020.",
    "barometre": "Enquête en ligne menée auprès de 9~800 agents volontaires entre le 2 et le 30~mai~2022.",
    "osmose": "Un utilisateur actif a ouvert au moins une session dans le trimestre.",
    "crpa": "Article L.~312-1-1 du code des relations entre le public et l’administration.",
}

TABLE_BUDGET = {
    "number": 1,
    "title": "Les crédits de la direction sur l’exercice 2023",
    "header": [
        [("Nature des crédits", 1, 2), ("Exercice 2023 (en milliers d’euros)", 2, 1)],
        [None, "Autorisations d’engagement", "Crédits de paiement"],
    ],
    "rows": [
        ["Programme 352 (part DINUM)", "79~000", "138~000"],
        ["dont masse salariale", "-", "16~000"],
    ],
    "notes": ["- : sans objet."],
    "source": "Source~: Cour des comptes, à partir des documents budgétaires",
}

TABLE_MESSAGES = {
    "number": 2,
    "title": "Messages échangés chaque mois sur Tchap (en millions)",
    "header": [["Mois", "Janvier 2022", "Décembre 2023"]],
    "rows": [["Messages envoyés", "4,8", "≈~3"]],
    "notes": ["≈ : ordre de grandeur communiqué par la DINUM."],
    "source": "Source~: tableau de bord de Tchap",
}

TABLE_LOGINS = {
    "number": 3,
    "title": "Destination des connexions passées par AgentConnect, de juin 2021 à décembre 2023",
    "header": [
        [("Application de destination", 1, 2), ("Connexions", 1, 1)],
        [None, "Part (en~%)"],
    ],
    "rows": [
        ["Portail des applications de ressources humaines", "66"],
        ["Osmose", "≈~13"],
        ["Resana", "≈~12"],
    ],
    "notes": ["≈ : valeur approchée."],
    "source": "Source~: DINUM, journaux d’AgentConnect",
}

TABLE_DATASETS = {
    "number": 4,
    "title": "Jeux de données prioritaires par ministère, situation au 31~décembre~2023",
    "header": [["", "Éducation nationale", "Justice"]],
    "rows": [
        ["Jeux prioritaires prévus", "20", "11"],
        ["Jeux prioritaires ouverts", "20", "0"],
    ],
    "source": "Source~: feuilles de route ministérielles de la donnée",
}

CHART_NON_USAGE = {
    "number": 1,
    "title": "Agents publics qui n’utilisent pas chaque outil de la suite, en 2022 (en~%)",
    "bars": [
        ("Resana", 75.0),
        ("Osmose", 75.0),
        ("Audioconférence", 61.0),
        ("Maia", 61.0),
        ("Webconférence", 53.0),
        ("Tchap", 52.8),
    ],
    "axis_max": 100.0,
    "tick_step": 20.0,
    "decimals": 1,
    "labels": [">~75", ">~75", "61", "61", "53", "52,8"],
    "source": "Source~: baromètre de l’agent public[^barometre]",
}

BLOCKS: list[tuple] = [
    ("title", "Rapport d’observations définitives"),
    (
        "p",
        "Le présent rapport, délibéré le 3~juillet~2024, compte 96~pages et formule 7~recommandations. Les administrations destinataires du relevé d’observations provisoires, daté du 15~mars~2024, ont disposé de trois mois pour y répondre.",
    ),
    ("chapter", "Chapitre I", "Des moyens en forte hausse, une gouvernance instable"),
    (
        "p",
        "Les moyens budgétaires de la DINUM ont été multipliés par 5 entre 2019 et 2022[^perimetre].",
    ),
    ("table", TABLE_BUDGET),
    (
        "p",
        "En 2022, l’intérim à la tête de la direction s’est prolongé pendant neuf mois. Le ministère de l’intérieur, pour sa part, a consacré 2,4~millions d’euros à sa propre messagerie chiffrée sur la même période.",
    ),
    (
        "box",
        "Encadré n°~1 – Des équipes produit resserrées",
        [
            "La Webconférence de l’État mobilise 4~ETP[^etp]~; le Webinaire de l’État, trois ETP.",
            "L’Audioconférence de l’État ne dispose que d’un demi-ETP.",
            "AgentConnect~: 5~équivalents temps plein.",
            "Tchap~: un peu plus de 13~ETP.",
        ],
    ),
    (
        "p",
        "La recommandation n°~2, présentée page~34, invite à réexaminer ces effectifs avant le 1er~janvier~2026.",
    ),
    ("chapter", "Chapitre II", "TECH.GOUV, une stratégie interrompue"),
    (
        "p",
        "Adoptée par la DINSIC en 2019, TECH.GOUV s’articulait autour de 6~objectifs. Pour la même année, son architecture associait 2~axes à 8~missions, elles-mêmes subdivisées en 35~programmes, et prévoyait 45~indicateurs.",
    ),
    (
        "p",
        "Au 30~juin~2021, seuls 14~indicateurs de la stratégie étaient pleinement atteints. Sur l’exercice 2022, TECH.GOUV comptait encore dix-huit objectifs à déployer ou à lancer, alors que la stratégie ne devait durer que trois ans.",
    ),
    ("chapter", "Chapitre III", "La suite numérique~: un coût élevé pour un usage limité"),
    (
        "p",
        "La suite numérique de l’agent public a succédé en 2023 au sac à dos numérique[^snap].",
    ),
    (
        "list",
        "Au 31~décembre~2023, la situation financière de la suite numérique était la suivante~:",
        [
            "coût cumulé de déploiement~: de l’ordre de 9,3~millions d’euros, dont 60~% imputables à Tchap~;",
            "coût total~: un peu moins de 15~M€~;",
            "utilisateurs en moyenne~: moins de 200~000~;",
            "coût par agent~: quelque 75~€ par agent et par an.",
        ],
    ),
    (
        "p",
        "Sur l’exercice 2023, le coût annuel de maintenance de la suite numérique a atteint 5~000~000~€, dont quarante pour cent pour la seule messagerie Tchap.",
    ),
    (
        "p",
        "À titre de comparaison, une licence de suite bureautique privée coûte entre 300~€ et 590~€ par an et par agent. Resana engendre par ailleurs des frais d’astreinte de 100~000~€ par an.",
    ),
    (
        "p",
        "La messagerie Tchap concentre l’essentiel de ces dépenses. Sa réalisation a coûté 5~600~000~€ entre 2021 et 2023~; au titre de 2024, le coût annuel de maintenance de l’application devrait atteindre 1,85~million d’euros.",
    ),
    (
        "p",
        "Selon le baromètre de l’agent public, approximativement 70~% des agents ignoraient en 2022 les outils de la suite numérique ou ne s’en servaient pas. La part des agents très satisfaits n’excède pas 16~%, quel que soit l’outil de la suite numérique.",
    ),
    ("chart", CHART_NON_USAGE),
    (
        "p",
        "En 2022, un peu plus de 72~% des agents publics disposaient d’un ordinateur portable, approximativement 54~% d’un ordinateur fixe, un peu moins de 40~% d’un smartphone et moins de 10~% d’une tablette.",
    ),
    (
        "p",
        "Cette même année, vingt-trois pour cent des agents publics jugeaient leur environnement numérique de travail insatisfaisant.",
    ),
    ("chapter", "Chapitre IV", "Des produits à l’audience contrastée"),
    ("table", TABLE_MESSAGES),
    (
        "p",
        "En décembre 2023, la DGFiP était à l’origine de 26~% des messages de Tchap, devant l’Insee (environ 8~%) et la gendarmerie (quelque 7~%).",
    ),
    (
        "p",
        "Au premier trimestre 2022, Tchap rassemblait environ 100~000 utilisateurs actifs. En 2023, le nombre de ses utilisateurs actifs a progressé de 30~%, tout en restant inférieur à 190~000~; 3,3~% de ces utilisateurs actifs étaient extérieurs à l’administration.",
    ),
    (
        "p",
        "Olvid, messagerie d’un éditeur privé, revendiquait pour sa part 1,5~million d’utilisateurs actifs en 2023.",
    ),
    (
        "p",
        "L’Audioconférence de l’État a accueilli 18~500 réunions en janvier 2022~; en novembre 2023, elle n’a plus accueilli qu’à peine 8~000 réunions.",
    ),
    (
        "p",
        "La Webconférence de l’État suit la trajectoire inverse~: moins de 3~000 conférences en février 2020, approximativement 79~000 conférences en novembre 2023.",
    ),
    (
        "p",
        "Depuis la fin de l’année 2022, le Webinaire de l’État organise de l’ordre de 5~000 webinaires chaque mois. Au troisième trimestre 2023, Osmose réunissait 48~000 utilisateurs actifs[^osmose].",
    ),
    ("chapter", "Chapitre V", "AgentConnect et l’ouverture des données"),
    (
        "p",
        "AgentConnect a compté 22~043 utilisateurs uniques mensuels en mars 2023, puis seulement 8~015 utilisateurs uniques mensuels en décembre 2023.",
    ),
    ("table", TABLE_LOGINS),
    (
        "p",
        "Au 31~décembre~2023, AgentConnect fédérait 9~entités raccordées et 16~services connectés. FranceConnect, son équivalent pour les usagers, dépassait alors 40~millions d’utilisateurs.",
    ),
    (
        "p",
        "Au 31~décembre~2023, data.gouv.fr recensait 47~000 jeux de données publiés, en application de l’obligation d’ouverture par défaut[^crpa].",
    ),
    ("table", TABLE_DATASETS),
    (
        "p",
        "La circulaire n°~6411/SG du 26~avril~2023 demande à chaque ministère de mettre à jour sa feuille de route tous les 18~mois.",
    ),
]

DOCUMENT = Document(name="heldout", blocks=BLOCKS, footnotes=FOOTNOTES)
