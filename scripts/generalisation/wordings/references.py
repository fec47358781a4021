# ruff: noqa: E501
"""A wording that varies sentence structure.

Subjects named once then taken up by "cette messagerie", "l'outil", "la plateforme",
"cette stratégie", "elle"; two subjects in one sentence ("dont 40 % pour Tchap"); a period
given once for a list, or in the sentence before; figures in bullet lists and in boxes
(encadrés). Written for the corpus; no sentence of the press article is reused.
"""

from __future__ import annotations

from scripts import reconstruction_content as content
from scripts.generalisation.document import Document

FOOTNOTES = {
    "snap": "Le « sac à dos numérique de l’agent public », constitué pendant la crise sanitaire.",
    "circulaire": "Circulaire n°~6264/SG du 27~avril~2021 relative à la politique publique de la donnée.",
    "etp": "Équivalent temps plein travaillé.",
    "visio": "Conférences d’au moins deux participants, hors tests de connexion.",
}

TABLE_STAFF = {
    "number": 1,
    "title": "Moyens humains des produits (en~ETP)",
    "header": [["Produit", "ETP"]],
    "rows": [
        ["Webconférence de l’État", "4"],
        ["Webinaire de l’État", "3"],
        ["Audioconférence de l’État", "0,5"],
        ["AgentConnect", "5"],
        ["Tchap", "plus de 13"],
    ],
    "source": "Source~: DINUM, réponses au questionnaire de la Cour",
}

TABLE_CONNECTIONS = {
    "number": 2,
    "title": "Répartition des connexions par AgentConnect entre juin 2021 et décembre 2023",
    "header": [["Service de destination", "Part des connexions"]],
    "rows": [
        ["Portail des applications de ressources humaines", "66~%"],
        ["Osmose", "environ 13~%"],
        ["Resana", "environ 12~%"],
    ],
    "source": "Source~: statistiques d’AgentConnect",
}

CHART_NON_USAGE = {
    "number": 1,
    "title": "Agents publics n’utilisant pas l’outil en 2022 (en~%)",
    "bars": content.CHART_NON_USAGE["bars"],  # the figures, as the report prints them
    "axis_max": 80.0,
    "tick_step": 20.0,
    "decimals": 1,
    "source": "Source~: baromètre de l’agent public",
}

BLOCKS: list[tuple] = [
    ("title", "Observations"),
    (
        "p",
        "Le contrôle a été ouvert le 12~septembre~2023 et les observations provisoires ont été adressées le 4~avril~2024 aux administrations concernées, qui disposaient d’un délai de deux mois pour répondre.",
    ),
    ("chapter", "I", "La direction et ses moyens"),
    (
        "p",
        "La DINUM a vu ses moyens croître vite. Entre 2019 et 2022, ils ont été multipliés par cinq.",
    ),
    (
        "box",
        "Le budget de la DINUM en 2023",
        [
            "Autorisations d’engagement~: 79~M€.",
            "Crédits de paiement~: 138~M€, dont 16~M€ consacrés à la masse salariale.",
        ],
    ),
    (
        "p",
        "La continuité de la direction n’a pas été assurée. En 2022, elle a connu neuf mois d’intérim à sa tête.",
    ),
    (
        "p",
        "Les produits reposent sur de petites équipes (tableau n°~1), exprimées en ETP[^etp].",
    ),
    ("table", TABLE_STAFF),
    ("chapter", "II", "TECH.GOUV"),
    (
        "p",
        "La DINSIC a adopté la stratégie TECH.GOUV en 2019. Cette stratégie poursuivait alors six objectifs.",
    ),
    (
        "list",
        "Son architecture comprenait, la même année~:",
        ["deux axes~;", "huit missions~;", "35~programmes~;", "45~indicateurs prévus."],
    ),
    (
        "p",
        "Le suivi est resté partiel. À la mi-2021, seuls 14~indicateurs de TECH.GOUV étaient complètement atteints. L’année suivante, en 2022, elle comptait encore 18~objectifs à déployer ou à lancer.",
    ),
    (
        "p",
        "La recommandation n°~1 de la Cour, formulée page~17, invite la direction à évaluer cette stratégie avant le 31~décembre~2025.",
    ),
    ("chapter", "III", "La suite numérique de l’agent public"),
    (
        "p",
        "Issue du sac à dos numérique[^snap], la suite numérique a un coût élevé. Fin 2023, son coût cumulé de déploiement approchait 9,3~M€, dont 60~% pour Tchap.",
    ),
    (
        "p",
        "En 2023, Tchap a absorbé 40~% des 5~M€ de coût annuel de maintenance de la suite numérique.",
    ),
    (
        "box",
        "Encadré n°~2 – La suite numérique à la fin de l’année 2023",
        [
            "Coût total~: un peu moins de 15~M€.",
            "Utilisateurs en moyenne~: moins de 200~000.",
            "Coût par agent~: environ 75~€ par an.",
        ],
    ),
    (
        "p",
        "Les suites privées servent de point de comparaison~: leurs licences coûtent entre 300 et 590~€ par agent et par an. Resana, pour sa part, supporte des astreintes dont le coût annuel est de 100~000~€.",
    ),
    (
        "p",
        "La messagerie Tchap a été développée par la direction. Entre 2021 et 2023, cette messagerie a coûté 5,6~M€ de réalisation~; en 2024, son coût annuel de maintenance devrait atteindre 1,85~M€.",
    ),
    (
        "p",
        "Le baromètre de l’agent public a été conduit en 2022. Cette année-là, près de 70~% des agents ne connaissaient pas ou n’utilisaient pas les outils de la suite numérique. Quel que soit le produit, la part d’agents très satisfaits de la suite numérique plafonne à 16~%.",
    ),
    ("chart", CHART_NON_USAGE),
    (
        "p",
        "Pour Resana comme pour Osmose, la part des agents publics qui ne s’en servent pas dépassait 75~% en 2022.",
    ),
    (
        "list",
        "En 2022, le taux d’équipement des agents publics était le suivant~:",
        [
            "ordinateur portable~: plus de 72~%~;",
            "ordinateur fixe~: environ 54~%~;",
            "smartphone~: un peu moins de 40~%~;",
            "tablette~: moins de 10~%.",
        ],
    ),
    (
        "p",
        "La même année, 23~% des agents publics jugeaient insatisfaisant leur environnement numérique de travail.",
    ),
    (
        "p",
        "Tchap est la messagerie instantanée de l’État. En janvier 2022, l’outil a enregistré 4,8~millions de messages~; en décembre 2023, environ 3~millions.",
    ),
    (
        "p",
        "En décembre 2023, la DGFiP a émis 26~% des messages de cette messagerie, l’Insee environ 8~% et la gendarmerie environ 7~%.",
    ),
    (
        "p",
        "Début 2022, cette messagerie réunissait environ 100~000 utilisateurs actifs. En 2023, le nombre de ses utilisateurs actifs a augmenté de 30~%, tout en restant inférieur à 190~000. La même année, 3,3~% de ses utilisateurs actifs étaient externes à l’administration.",
    ),
    (
        "p",
        "L’Audioconférence de l’État est en recul. En janvier 2022, elle a accueilli 18~500 réunions, contre environ 8~000 réunions en novembre 2023.",
    ),
    (
        "p",
        "La Webconférence de l’État progresse au contraire~: moins de 3~000 conférences en février 2020, environ 79~000[^visio] conférences en novembre 2023.",
    ),
    (
        "p",
        "Le Webinaire de l’État s’est stabilisé. Depuis la fin de l’année 2022, l’outil accueille environ 5~000 webinaires par mois.",
    ),
    (
        "p",
        "Osmose est une plateforme collaborative. Au troisième trimestre 2023, la plateforme comptait 48~000 utilisateurs actifs.",
    ),
    ("chapter", "IV", "AgentConnect et l’ouverture des données"),
    (
        "p",
        "AgentConnect permet aux agents de se connecter à leurs applications avec un identifiant unique. En mars 2023, l’outil a compté 22~043 utilisateurs uniques mensuels, puis 8~015 utilisateurs uniques mensuels en décembre 2023.",
    ),
    ("table", TABLE_CONNECTIONS),
    (
        "p",
        "Fin 2023, il fédérait 9~entités raccordées et 16~services connectés.",
    ),
    (
        "p",
        "La politique de la donnée a été relancée par une circulaire de 2021[^circulaire]. Fin 2023, data.gouv.fr recensait 47~000 jeux de données publiés.",
    ),
    (
        "list",
        "À la fin de l’année 2023, les jeux de données prioritaires se répartissaient ainsi~:",
        [
            "ministère de l’éducation nationale~: 20~jeux prioritaires prévus et 20~jeux prioritaires ouverts~;",
            "ministère de la justice~: 11~jeux prioritaires prévus et 0~jeu prioritaire ouvert.",
        ],
    ),
    (
        "p",
        "Le règlement européen sur l’intelligence artificielle, adopté en 2024 et composé de 113~articles, s’appliquera progressivement sur une durée de trois ans.",
    ),
]

DOCUMENT = Document(name="references", blocks=BLOCKS, footnotes=FOOTNOTES)
