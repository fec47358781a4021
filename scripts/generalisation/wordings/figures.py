# ruff: noqa: E501
"""A wording that varies how figures, qualifiers and periods are written.

Amounts in words and in full ("9,3 millions d'euros", "138 000 000 €"), percentages as
"pour cent", staff as "un demi-ETP", qualifiers such as "quelque", "de l'ordre de",
"approximativement", "un peu plus de", "n'excède pas", and periods such as "au
31 décembre 2023", "au cours de l'année 2022", "sur l'exercice 2023", "au titre de 2024".
Tables carry their scale in a header. Written for the corpus; no sentence of the press
article is reused.
"""

from __future__ import annotations

from scripts.generalisation.document import Document

FOOTNOTES = {
    "decret": "Décret n°~2019-1088 du 25~octobre~2019 relatif au système d’information et de communication de l’État.",
    "barometre": "Questionnaire annuel adressé aux personnels des trois versants de la fonction publique.",
    "rgpd": "Règlement (UE) 2016/679 du 27~avril~2016, article~32.",
    "osmose": "Comptes ayant ouvert au moins une session au cours du trimestre.",
    "jeux": "Liste arrêtée par chaque ministère dans sa feuille de route de la donnée.",
}

TABLE_BUDGET = {
    "number": 1,
    "title": "Crédits de la direction sur l’exercice 2023",
    "header": [["Catégorie de crédits", "Montant (en millions d’euros)"]],
    "rows": [
        ["Autorisations d’engagement", "79,0"],
        ["Crédits de paiement", "138,0"],
        ["  dont titre 2 (masse salariale)", "16,0"],
    ],
    "source": "Source~: Cour des comptes, d’après la loi de finances pour 2023 (programme 352)",
}

TABLE_DATASETS = {
    "number": 2,
    "title": "Jeux de données prioritaires au 31~décembre~2023",
    "header": [["Ministère", "Jeux prévus", "Jeux ouverts"]],
    "rows": [
        ["Ministère de l’éducation nationale", "20", "20"],
        ["Ministère de la justice", "11", "0"],
    ],
    "source": "Source~: feuilles de route ministérielles de la donnée[^jeux]",
}

CHART_NON_USAGE = {
    "number": 1,
    "title": "Outils de la suite numérique~: part des agents publics qui ne s’en servent pas, au cours de l’année 2022 (en~%)",
    "bars": [
        ("Tchap", 52.8),
        ("Webconférence", 53.0),
        ("Maia", 61.0),
        ("Audioconférence", 61.0),
        ("Osmose", 75.0),
        ("Resana", 75.0),
    ],
    "axis_max": 100.0,
    "tick_step": 25.0,
    "decimals": 1,
    "labels": ["52,8", "53", "61", "61", ">~75", ">~75"],
    "source": "Source~: baromètre de l’agent public, vague 2022",
}

CHART_AGENTCONNECT = {
    "number": 2,
    "title": "AgentConnect~: utilisateurs uniques par mois",
    "bars": [("mars 2023", 22043.0), ("décembre 2023", 8015.0)],
    "axis_max": 30000.0,
    "tick_step": 10000.0,
    "decimals": 0,
    "source": "Source~: tableau de bord public d’AgentConnect",
}

BLOCKS: list[tuple] = [
    ("title", "Synthèse"),
    (
        "p",
        "La direction interministérielle du numérique a été instituée par le décret du 25~octobre~2019[^decret]. La présente synthèse reprend, en 42~pages, les constats de l’instruction conduite entre septembre 2023 et mars 2024.",
    ),
    ("chapter", "Première partie", "Les moyens et l’organisation de la direction"),
    ("h1", "1. Des crédits qui ont fortement augmenté"),
    (
        "p",
        "De 2019 à 2022, les crédits de la DINUM ont quintuplé. Sur l’exercice 2023, la direction a bénéficié de soixante-dix-neuf millions d’euros en autorisations d’engagement et de 138~000~000~€ en crédits de paiement. Sur ce même exercice 2023, la masse salariale de la direction a représenté seize millions d’euros.",
    ),
    ("table", TABLE_BUDGET),
    (
        "p",
        "Le programme 352 a été créé par la loi n°~2019-1479 du 28~décembre~2019 de finances pour 2020, soit sept ans après la première direction chargée du numérique de l’État.",
    ),
    ("h1", "2. Une direction fragilisée par les changements de tête"),
    (
        "p",
        "Au cours de l’année 2022, la DINUM a été dirigée par intérim pendant neuf mois.",
    ),
    ("h1", "3. Des équipes réduites autour de chaque produit"),
    (
        "p",
        "Les effectifs affectés aux produits restent modestes. Quatre équivalents temps plein font fonctionner la Webconférence de l’État. Le Webinaire de l’État est confié à trois ETP. Un demi-ETP suffit à l’Audioconférence de l’État. AgentConnect est servi par cinq ETP. Un peu plus de treize ETP travaillent sur Tchap.",
    ),
    (
        "p",
        "À titre de comparaison, la recommandation n°~4 du rapport de 2020 préconisait de porter à 60~agents l’équipe commune des produits, ce qui n’a pas été fait.",
    ),
    ("chapter", "Deuxième partie", "Une stratégie TECH.GOUV jamais évaluée"),
    (
        "p",
        "Lancée par la DINSIC au cours de l’année 2019, TECH.GOUV se fixait six objectifs. La même année 2019, l’architecture de la stratégie comptait deux axes, huit missions et trente-cinq programmes. Au cours de l’année 2019, TECH.GOUV prévoyait également quarante-cinq indicateurs.",
    ),
    (
        "p",
        "Au 30~juin 2021, quatorze indicateurs de TECH.GOUV étaient complètement atteints. Au cours de l’année 2022, TECH.GOUV devait encore déployer ou lancer dix-huit objectifs.",
    ),
    (
        "p",
        "Prévue pour durer trois ans, la stratégie a été abandonnée sans bilan final~; l’article~3 du décret précité imposait pourtant un compte rendu annuel au Premier ministre.",
    ),
    ("chapter", "Troisième partie", "La suite numérique de l’agent public"),
    ("h1", "1. Ce que coûte la suite"),
    (
        "p",
        "Au 31~décembre 2023, le coût cumulé de déploiement de la suite numérique était de l’ordre de 9,3~millions d’euros. Au 31~décembre 2023, Tchap représentait soixante pour cent de ce coût de déploiement.",
    ),
    (
        "p",
        "Sur l’exercice 2023, le coût annuel de maintenance de la suite numérique a atteint 5~000~000~€. Sur l’exercice 2023, Tchap a porté quarante pour cent de ce coût annuel de maintenance.",
    ),
    (
        "p",
        "Au 31~décembre 2023, le coût total de la suite numérique restait inférieur à 15~millions d’euros. Au 31~décembre 2023, la suite numérique comptait en moyenne moins de 200~000 utilisateurs. Au 31~décembre 2023, le coût de la suite numérique s’établissait ainsi à quelque 75~euros par agent et par an.",
    ),
    (
        "p",
        "Les éditeurs privés facturent leurs licences de suite bureautique de 300 à 590~euros par agent et par an.",
    ),
    (
        "p",
        "Resana supporte en outre un coût annuel d’astreinte de cent mille euros.",
    ),
    (
        "p",
        "Tchap a coûté 5,6~millions d’euros de réalisation de 2021 à 2023. Au titre de 2024, le coût annuel de maintenance de Tchap est estimé à 1~850~000~€.",
    ),
    (
        "p",
        "Les données d’usage sont traitées conformément au règlement général sur la protection des données[^rgpd]~; la durée de conservation des journaux est de douze mois.",
    ),
    ("h1", "2. Une offre que les agents connaissent mal"),
    (
        "p",
        "Au cours de l’année 2022, approximativement 70~% des agents ne connaissaient pas les outils de la suite numérique ou ne s’en servaient pas, selon le baromètre de l’agent public[^barometre]. Pour la suite numérique, la proportion d’agents très satisfaits d’un produit n’excède pas 16~%.",
    ),
    ("chart", CHART_NON_USAGE),
    (
        "p",
        "Au cours de l’année 2022, les agents publics étaient équipés d’un ordinateur portable pour un peu plus de 72~% d’entre eux et d’un ordinateur fixe pour approximativement 54~%. Au cours de l’année 2022, le taux d’équipement des agents publics était d’un peu moins de 40~% pour le smartphone et de moins de 10~% pour la tablette.",
    ),
    (
        "p",
        "Au cours de l’année 2022, vingt-trois pour cent des agents publics jugeaient leur environnement numérique de travail insatisfaisant.",
    ),
    ("h1", "3. Des usages inégaux selon les produits"),
    (
        "p",
        "En janvier 2022, la messagerie Tchap a culminé à 4,8~millions de messages. En décembre 2023, les messages de Tchap n’étaient plus que de l’ordre de trois millions.",
    ),
    (
        "p",
        "En décembre 2023, vingt-six pour cent des messages de Tchap provenaient d’agents de la DGFiP. En décembre 2023, les agents de l’Insee ont envoyé quelque 8~% des messages de Tchap. En décembre 2023, les agents de la gendarmerie ont envoyé approximativement 7~% des messages de Tchap.",
    ),
    (
        "p",
        "Au premier trimestre 2022, Tchap réunissait quelque 100~000 utilisateurs actifs. Au cours de l’année 2023, les utilisateurs actifs de Tchap ont augmenté de trente pour cent. Sur l’ensemble de l’année 2023, Tchap a compté moins de 190~000 utilisateurs actifs. Au cours de l’année 2023, les utilisateurs externes représentaient 3,3~% des utilisateurs actifs de Tchap.",
    ),
    (
        "p",
        "En janvier 2022, l’Audioconférence de l’État a accueilli 18~500 réunions. En novembre 2023, l’Audioconférence de l’État n’a plus accueilli que de l’ordre de 8~000 réunions.",
    ),
    (
        "p",
        "En février 2020, la Webconférence de l’État a hébergé moins de 3~000 conférences. En novembre 2023, la Webconférence de l’État a hébergé approximativement 79~000 conférences.",
    ),
    (
        "p",
        "Depuis la fin de l’année 2022, le Webinaire de l’État organise de l’ordre de 5~000 webinaires par mois.",
    ),
    (
        "p",
        "Au troisième trimestre 2023, Osmose réunissait 48~000[^osmose] utilisateurs actifs.",
    ),
    ("chapter", "Quatrième partie", "AgentConnect et les données ouvertes"),
    ("chart", CHART_AGENTCONNECT),
    (
        "p",
        "De juin 2021 à décembre 2023, le portail des applications de ressources humaines a représenté 66~% des connexions par AgentConnect. De juin 2021 à décembre 2023, Osmose a représenté de l’ordre de 13~% des connexions par AgentConnect et Resana quelque 12~% des connexions.",
    ),
    (
        "p",
        "Au 31~décembre 2023, AgentConnect raccordait neuf entités et seize services connectés.",
    ),
    (
        "p",
        "Au 31~décembre 2023, la plateforme data.gouv.fr proposait 47~000 jeux de données publiés.",
    ),
    ("table", TABLE_DATASETS),
    (
        "p",
        "La loi n°~2016-1321 du 7~octobre~2016 pour une République numérique a posé le principe d’ouverture par défaut~; son article~6 vise les administrations de plus de 50~agents.",
    ),
]

DOCUMENT = Document(name="figures", blocks=BLOCKS, footnotes=FOOTNOTES)
