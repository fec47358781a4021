# ruff: noqa: E501
"""A wording that puts most figures in tables.

Periods as columns, merged headers, scale in a header ("en milliers d'euros"), qualifiers
in cells as "≈", "<", ">" explained under the table, "n.d." and "-" cells, a total row and
a row about other senders that are not facts; the rest in prose with period wordings such
as "à fin 2023" or "au titre de". Written for the corpus; no sentence of the press article
is reused.
"""

from __future__ import annotations

from scripts import reconstruction_content as content
from scripts.generalisation.document import Document

SYMBOLS = "≈~: environ~; <~: moins de~; >~: plus de~; n.d.~: non disponible."

FOOTNOTES = {
    "lfi": "Loi n°~2022-1726 du 30~décembre~2022 de finances pour 2023.",
    "barometre": "Enquête par questionnaire conduite chaque année depuis 2019 auprès d’agents volontaires.",
}

TABLE_BUDGET = {
    "number": 1,
    "title": "Crédits de la DINUM (en milliers d’euros)",
    "header": [["Nature des crédits", "2022", "2023"]],
    "rows": [
        ["Autorisations d’engagement", "n.d.", "79~000"],
        ["Crédits de paiement", "n.d.", "138~000"],
        ["dont masse salariale", "n.d.", "16~000"],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: lois de finances[^lfi], retraitement Cour des comptes",
}

TABLE_STAFF = {
    "number": 2,
    "title": "Équipes des produits interministériels (en équivalents temps plein)",
    "header": [["Produit", "ETP"]],
    "rows": [
        ["Webconférence de l’État", "4"],
        ["Webinaire de l’État", "3"],
        ["Audioconférence de l’État", "0,5"],
        ["AgentConnect", "5"],
        ["Tchap", ">~13"],
        ["Total", ">~25,5"],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: DINUM",
}

TABLE_TECHGOUV = {
    "number": 3,
    "title": "La stratégie TECH.GOUV à son adoption",
    "header": [[("TECH.GOUV – 2019", 2, 1)], ["Composante", "Nombre"]],
    "rows": [
        ["Objectifs", "6"],
        ["Axes", "2"],
        ["Missions", "8"],
        ["Programmes", "35"],
        ["Indicateurs prévus", "45"],
    ],
    "source": "Source~: documents de la stratégie",
}

TABLE_SUITE_COSTS = {
    "number": 4,
    "title": "Coûts de la suite numérique (montants en milliers d’euros)",
    "header": [["Nature du coût", "Période", "Montant", "Part de Tchap"]],
    "rows": [
        ["Coût cumulé de déploiement", "à fin 2023", "≈~9~300", "60~%"],
        ["Coût annuel de maintenance", "2023", "5~000", "40~%"],
        ["Coût total", "à fin 2023", "<~15~000", "-"],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: DINUM, données financières",
}

TABLE_TCHAP_COSTS = {
    "number": 5,
    "title": "Coûts propres à Tchap",
    "header": [
        [("Tchap", 3, 1)],
        ["Nature du coût", "Période", "Montant (en milliers d’euros)"],
    ],
    "rows": [
        ["Coût de réalisation", "2021-2023", "5~600"],
        ["Coût annuel de maintenance (estimé)", "2024", "1~850"],
    ],
    "source": "Source~: DINUM",
}

TABLE_EQUIPMENT = {
    "number": 6,
    "title": "Taux d’équipement des agents publics en 2022",
    "header": [["Équipement", "Taux d’équipement"]],
    "rows": [
        ["Ordinateur portable", ">~72~%"],
        ["Ordinateur fixe", "≈~54~%"],
        ["Smartphone", "<~40~%"],
        ["Tablette", "<~10~%"],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: baromètre de l’agent public[^barometre]",
}

TABLE_NON_USAGE = {
    "number": 7,
    "title": "Taux de non-utilisation des outils par les agents publics en 2022",
    "header": [["Outil", "Taux de non-utilisation"]],
    "rows": [
        ["Resana", ">~75~%"],
        ["Osmose", ">~75~%"],
        ["Audioconférence de l’État", "61~%"],
        ["Maia", "61~%"],
        ["Webconférence de l’État", "53~%"],
        ["Tchap", "52,8~%"],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: baromètre de l’agent public",
}

TABLE_MONTHLY = {
    "number": 8,
    "title": "Activité mensuelle des outils de communication",
    "header": [["Outil (unité)", "févr. 2020", "janv. 2022", "nov. 2023", "déc. 2023"]],
    "rows": [
        ["Tchap (messages)", "n.d.", "4~800~000", "n.d.", "≈~3~000~000"],
        ["Audioconférence de l’État (réunions)", "n.d.", "18~500", "≈~8~000", "n.d."],
        ["Webconférence de l’État (conférences)", "<~3~000", "n.d.", "≈~79~000", "n.d."],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: statistiques d’usage de la DINUM",
}

TABLE_SENDERS = {
    "number": 9,
    "title": "Tchap~: part des messages selon l’administration émettrice, décembre 2023 (en~%)",
    "header": [["Administration", "Part des messages"]],
    "rows": [
        ["DGFiP", "26"],
        ["Insee", "≈~8"],
        ["Gendarmerie", "≈~7"],
        ["Autres administrations", "59"],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: DINUM",
}

TABLE_TCHAP_USERS = {
    "number": 10,
    "title": "Utilisateurs actifs de Tchap",
    "header": [["Indicateur", "1er trimestre 2022", "Année 2023"]],
    "rows": [
        ["Utilisateurs actifs", "≈~100~000", "<~190~000"],
        ["Progression des utilisateurs actifs", "-", "30~%"],
        ["Part d’utilisateurs externes", "n.d.", "3,3~%"],
    ],
    "notes": [SYMBOLS],
    "source": "Source~: DINUM",
}

TABLE_DATASETS = {
    "number": 11,
    "title": "Jeux de données prioritaires à fin 2023",
    "header": content.TABLE_DATA["header"],
    "rows": content.TABLE_DATA["rows"],
    "source": "Source~: feuilles de route ministérielles",
}

CHART_AGENTCONNECT = {
    "number": 1,
    "title": "Utilisateurs uniques mensuels d’AgentConnect",
    "bars": [("mars 2023", 22043.0), ("déc. 2023", 8015.0)],
    "axis_max": 25000.0,
    "tick_step": 5000.0,
    "decimals": 0,
    "source": "Source~: DINUM",
}

BLOCKS: list[tuple] = [
    ("title", "Le rapport en tableaux"),
    (
        "p",
        "Les tableaux ci-après rassemblent les données chiffrées recueillies lors de l’instruction. Les renvois de page (par exemple page~23) visent la version intégrale du rapport, délibérée le 21~mai~2024.",
    ),
    ("chapter", "Partie 1", "La direction"),
    ("table", TABLE_BUDGET),
    (
        "p",
        "Ces crédits ont été multipliés par cinq entre 2019 et 2022. Au titre de 2022, la direction a été confiée à un intérimaire durant neuf mois.",
    ),
    ("table", TABLE_STAFF),
    ("chapter", "Partie 2", "TECH.GOUV"),
    ("table", TABLE_TECHGOUV),
    (
        "p",
        "À la mi-2021, quatorze indicateurs étaient entièrement atteints par TECH.GOUV~; au titre de 2022, TECH.GOUV retenait dix-huit objectifs à déployer ou à lancer. La stratégie avait été conçue pour une durée de trois ans.",
    ),
    ("chapter", "Partie 3", "La suite numérique"),
    ("table", TABLE_SUITE_COSTS),
    (
        "p",
        "À fin 2023, le nombre moyen d’utilisateurs de la suite numérique restait sous la barre des 200~000~; rapporté à ce nombre, son coût à fin 2023 avoisinait 75~€ par agent et par an.",
    ),
    (
        "p",
        "Une licence de suite privée revient de 300~€ à 590~€ par agent et par an. Les astreintes de Resana représentent un coût annuel de 100~000~€.",
    ),
    ("table", TABLE_TCHAP_COSTS),
    (
        "p",
        "Au titre de 2022, environ 70~% des agents ignoraient ou n’utilisaient pas les outils de la suite numérique. La satisfaction reste mesurée~: pour aucun produit de la suite numérique, les agents très satisfaits ne dépassent 16~%.",
    ),
    ("table", TABLE_EQUIPMENT),
    (
        "p",
        "Au titre de 2022, 23~% des agents publics n’étaient pas satisfaits de leur environnement numérique de travail.",
    ),
    ("table", TABLE_NON_USAGE),
    ("table", TABLE_MONTHLY),
    ("table", TABLE_SENDERS),
    ("table", TABLE_TCHAP_USERS),
    (
        "p",
        "Depuis la fin de l’année 2022, le Webinaire de l’État plafonne à environ 5~000 webinaires par mois. Au troisième trimestre 2023, Osmose rassemblait 48~000 utilisateurs actifs.",
    ),
    ("chapter", "Partie 4", "AgentConnect et données ouvertes"),
    ("chart", CHART_AGENTCONNECT),
    (
        "p",
        "Entre juin 2021 et décembre 2023, AgentConnect a servi pour 66~% des connexions au portail des applications de ressources humaines, pour environ 13~% des connexions à Osmose et pour environ 12~% des connexions à Resana.",
    ),
    (
        "p",
        "À fin 2023, AgentConnect réunissait 9~entités raccordées et 16~services connectés. À fin 2023, data.gouv.fr comptait 47~000 jeux de données publiés.",
    ),
    ("table", TABLE_DATASETS),
    (
        "p",
        "La recommandation n°~3, page~58, fixe à la direction une échéance au 30~juin~2025.",
    ),
]

DOCUMENT = Document(name="tabular", blocks=BLOCKS, footnotes=FOOTNOTES)
