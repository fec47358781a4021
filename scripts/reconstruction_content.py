# ruff: noqa: E501
"""French text and data of the reconstructed Cour des comptes report on the DINUM (July 2024).

This module holds content only; `build_reconstruction.py` lays it out. The prose is written
for the reconstruction from the published figures (it does not reproduce the report's text).

Markup used in the strings below, resolved by the builder:
- `~` is a no-break space (U+00A0): thousands separator, before `%`, `€`, `:` and inside « ».
- `[^key]` is a footnote call; the note text is in FOOTNOTES, numbered in order of first call.

Writing rules kept throughout (the extraction's vocabulary-driven classifier relies on them):
each figure has its metric wording in its own clause, the right subject name nearest to it,
at most one period wording per sentence (or one per clause), and no date at all in the
sentences whose figure has no period.
"""

from __future__ import annotations

REPORT_ID = "dinum_pilotage_2024"
TITLE = (
    "Le pilotage de la transformation numérique de l’État par la direction "
    "interministérielle du numérique"
)
SHORT_TITLE = "LE PILOTAGE DE LA TRANSFORMATION NUMÉRIQUE DE L’ÉTAT"
PUBLISHER = "Cour des comptes"
PUBLISHED_ON = "2024-07-15"
SOURCE_URL = (
    "https://www.ccomptes.fr/fr/publications/"
    "le-pilotage-de-la-transformation-numerique-de-letat-par-la-direction-interministerielle-du"
)

COVER = {
    "institution": "COUR DES COMPTES",
    "kind": "RAPPORT PUBLIC THÉMATIQUE",
    "title": TITLE,
    "subtitle": "Observations définitives",
    "date": "Juillet 2024",
    "notice": (
        "Reconstitution partielle établie pour les besoins d’un projet de données ouvertes, "
        "à partir des chiffres publiés du rapport. Sa rédaction et sa mise en page ne sont "
        "pas celles du document original, auquel elle ne se substitue pas."
    ),
}

FOOTNOTES = {
    "services": "Ces services partagés sont désignés, dans la suite du présent document, sous le nom de produits interministériels.",
    "reconst": "La rédaction et la mise en page ne sont pas celles du rapport publié ; seuls les chiffres en sont repris.",
    "dinsic": "Direction interministérielle du numérique et du système d’information et de communication de l’État.",
    "feuille": "Feuille de route intitulée « Une stratégie numérique au service de l’efficacité de l’action publique ».",
    "barometre": "Enquête d’opinion conduite auprès des personnels de la fonction publique sur leurs conditions de travail.",
    "olvid": "Messagerie instantanée chiffrée développée par une entreprise française.",
    "franceconnect": "Service d’identification des usagers auprès des administrations en ligne.",
    "datagouv": "La plateforme data.gouv.fr rassemble les données mises à disposition par les administrations et les collectivités.",
    "prioritaires": "Jeux de données dont l’ouverture a été jugée prioritaire dans les feuilles de route ministérielles.",
}

# Tables: `header` is a list of header rows; a cell may be a (text, colspan, rowspan) tuple.
TABLE_BUDGET = {
    "number": 1,
    "title": "Budget de la DINUM en 2023 (en~M€)",
    "header": [["Nature des crédits", "Montant"]],
    "rows": [
        ["Autorisations d’engagement (AE)", "79"],
        ["Crédits de paiement (CP)", "138"],
        ["dont dépenses de masse salariale", "16"],
    ],
    "col_widths": [9.0, 3.5],
    "indent_rows": [2],
    "source": "Source~: Cour des comptes d’après les documents budgétaires de la DINUM",
}

TABLE_STAFF = {
    "number": 2,
    "title": "Effectifs consacrés à certains produits interministériels (en~ETP)",
    "header": [["Produit", "Effectifs"]],
    "rows": [
        ["Webconférence de l’État", "4"],
        ["Webinaire de l’État", "3"],
        ["Audioconférence de l’État", "0,5"],
        ["AgentConnect", "5"],
    ],
    "col_widths": [9.0, 3.5],
    "source": "Source~: Cour des comptes d’après les réponses de la DINUM",
}

TABLE_TECHGOUV = {
    "number": 3,
    "title": "Architecture de la stratégie TECH.GOUV adoptée en 2019",
    "header": [["Niveau de la stratégie", "Nombre"]],
    "rows": [
        ["Axes", "2"],
        ["Missions", "8"],
        ["Programmes", "35"],
        ["Objectifs", "6"],
        ["Indicateurs prévus", "45"],
    ],
    "col_widths": [9.0, 3.5],
    "source": "Source~: Cour des comptes d’après les documents de la stratégie TECH.GOUV",
}

TABLE_COSTS = {
    "number": 4,
    "title": "Coûts de Tchap et de la suite numérique (en~M€)",
    "header": [["Produit", "Nature du coût", "Période", "Montant"]],
    "rows": [
        ["Tchap", "Coût de réalisation", "2021-2023", "5,6"],
        ["Tchap", "Coût de maintenance (estimation)", "2024", "1,85"],
        ["Suite numérique", "Coût annuel de maintenance", "2023", "5,0"],
    ],
    "col_widths": [3.2, 6.3, 2.6, 2.4],
    "source": "Source~: Cour des comptes d’après les données financières de la DINUM",
}

TABLE_DATA = {
    "number": 5,
    "title": "Ouverture des jeux de données prioritaires à fin 2023",
    "header": [
        [("Ministère", 1, 2), ("Jeux de données prioritaires", 2, 1)],
        [None, "prévus", "ouverts"],
    ],
    "rows": [
        ["Éducation nationale", "20", "20"],
        ["Justice", "11", "0"],
    ],
    "col_widths": [6.5, 3.5, 3.5],
    "source": "Source~: Cour des comptes d’après les feuilles de route ministérielles de la donnée",
}

CHART_NON_USAGE = {
    "number": 1,
    "title": "Part des agents publics déclarant ne pas utiliser les outils de la suite numérique en 2022 (en~%)",
    "bars": [
        ("Resana", 75.0),
        ("Osmose", 75.0),
        ("Audioconférence", 61.0),
        ("Maia", 61.0),
        ("Webconférence", 53.0),
        ("Tchap", 52.8),
    ],
    "axis_max": 80.0,
    "tick_step": 20.0,
    "decimals": 1,
    "source": "Source~: Cour des comptes d’après le baromètre de l’agent public",
}

CHART_AGENTCONNECT = {
    "number": 2,
    "title": "Utilisateurs uniques mensuels d’AgentConnect en 2023",
    "bars": [
        ("mars 2023", 22043.0),
        ("déc. 2023", 8015.0),
    ],
    "axis_max": 25000.0,
    "tick_step": 5000.0,
    "decimals": 0,
    "source": "Source~: Cour des comptes d’après les statistiques d’usage publiées par la DINUM",
}

CHART_AGENTCONNECT_LOGINS = {
    "number": 3,
    "title": "Répartition des connexions à AgentConnect entre juin 2021 et décembre 2023 (en~%)",
    # Slices clockwise from twelve o'clock; the remainder, which the report does not break
    # down, is drawn unnamed.
    "slices": [
        ("Portail RH", 66.0),
        ("Osmose", 13.0),
        ("Resana", 12.0),
        (None, 9.0),
    ],
    "source": "Source~: Cour des comptes d’après les statistiques d’usage publiées par la DINUM",
}

RECO_1 = (
    "Recommandation n°~1",
    "(DINUM)~: évaluer la stratégie TECH.GOUV et tirer les enseignements de cette évaluation dans la mise en œuvre de la feuille de route actuelle.",
)
RECO_2 = (
    "Recommandation n°~2",
    "(DINUM)~: définir avec les ministères utilisateurs une gouvernance de la suite numérique qui les associe au choix et à l’évolution des produits interministériels.",
)
RECO_3 = (
    "Recommandation n°~3",
    "(DINUM)~: élaborer avec les ministères une stratégie de l’État en matière d’intelligence artificielle, assortie d’une coordination et d’une mutualisation des investissements.",
)

# Content pages, in order; the cover and the table of contents are generated before them.
# Block kinds: chapter (label, title), title (text), h1, h2, h3 (text), p (text),
# table (spec), chart (spec), reco ((label, text)).
PAGES: list[list[tuple]] = [
    # Introduction
    [
        ("title", "Introduction"),
        (
            "p",
            "Créée en 2019, la direction interministérielle du numérique (DINUM) a pris la suite de plusieurs structures qui, depuis 2011, ont successivement conduit la transformation numérique de l’action publique, au gré de rattachements politiques et administratifs changeants.",
        ),
        (
            "p",
            "Ses attributions sont fixées par le décret n°~2019-1088 du 25~octobre~2019 relatif au système d’information et de communication de l’État et à la direction interministérielle du numérique. Ce texte lui confie l’élaboration de la stratégie numérique de l’État, le pilotage de sa mise en œuvre et le développement de services numériques partagés entre les ministères[^services].",
        ),
        (
            "p",
            "La Cour a examiné la manière dont la direction exerce ce rôle de pilotage. Ses observations portent sur l’organisation et les moyens de la direction, sur la stratégie TECH.GOUV, puis sur les produits de la suite numérique de l’agent public, sur AgentConnect et sur l’ouverture des données publiques.",
        ),
        (
            "p",
            "Le chapitre I est consacré à l’organisation, aux moyens et à la stratégie de la direction, le chapitre II à la suite numérique de l’agent public et le chapitre III à AgentConnect ainsi qu’à l’ouverture des données. Le présent document en donne une reconstitution partielle[^reconst], limitée aux développements qui comportent des données chiffrées.",
        ),
    ],
    # Chapitre I
    [
        ("chapter", "Chapitre I", "Une direction aux moyens croissants, une stratégie instable"),
        ("h1", "I - Une organisation et des moyens en mutation rapide"),
        ("h2", "A - Une direction à la stabilité incertaine"),
        (
            "p",
            "La DINUM a succédé en 2019 à la DINSIC[^dinsic], dont elle a repris l’essentiel des équipes et des missions. Ses priorités ont depuis été redéfinies à plusieurs reprises, si bien que les chantiers engagés ont rarement été conduits à leur terme et que la stratégie numérique de l’État est restée difficile à lire pour les ministères.",
        ),
        (
            "p",
            "La gouvernance de la direction a elle-même connu des ruptures. En 2022, l’intérim à la tête de la DINUM a duré neuf mois, ce qui a fragilisé la continuité des projets en cours.",
        ),
        (
            "p",
            "La mise en place récente d’un département dédié aux produits interministériels appelle la vigilance. Elle pourrait entraîner une hausse durable des dépenses, dans une structure dont l’organisation a déjà souvent varié.",
        ),
        ("h2", "B - Un budget en forte progression"),
        (
            "p",
            "Entre 2019 et 2022, le budget de la DINUM a été multiplié par cinq, au rythme de l’extension de son champ d’intervention.",
        ),
        (
            "p",
            "En 2023, la DINUM disposait de 79~M€ d’autorisations d’engagement (AE) et de 138~M€ de crédits de paiement (CP), dont 16~M€ de dépenses de masse salariale (tableau n°~1).",
        ),
        ("table", TABLE_BUDGET),
        (
            "p",
            "Une progression aussi rapide appelle un contrôle plus étroit de la dépense et des risques financiers qui s’y attachent. Les crédits de fonctionnement et d’intervention gérés par la direction relèvent en effet de circuits budgétaires enchevêtrés, qui en rendent le suivi malaisé.",
        ),
    ],
    [
        ("h2", "C - Des équipes produits de taille réduite"),
        (
            "p",
            "Les produits interministériels développés par la direction reposent sur des équipes restreintes, dont les effectifs sont retracés au tableau n°~2. Leur dimensionnement ne paraît pas de nature à permettre, dans des délais raisonnables, la production d’outils que les agents adopteraient spontanément.",
        ),
        (
            "p",
            "La gestion de la Webconférence de l’État repose sur quatre~ETP. Le Webinaire de l’État mobilise trois~ETP. L’Audioconférence de l’État ne dispose que de 0,5~ETP. AgentConnect, mieux pourvu, bénéficie de 5~ETP.",
        ),
        ("table", TABLE_STAFF),
        ("p", "Tchap est le produit le mieux doté, avec un peu plus de 13~ETP."),
        (
            "p",
            "La direction indique rencontrer des difficultés pour recruter et fidéliser les profils techniques dont elle a besoin, dans un marché du travail où la concurrence du secteur privé est vive. Les équipes des produits font en outre largement appel à des prestataires, ce qui fragilise la capitalisation des savoir-faire.",
        ),
        (
            "p",
            "La Cour estime que l’État gagnerait à concentrer ses moyens sur les produits à forte valeur ajoutée pour les agents et les usagers, parmi lesquels figure AgentConnect. Le renforcement des équipes devrait être réservé aux produits dont l’utilité interministérielle est établie.",
        ),
    ],
    [
        ("h1", "II - TECH.GOUV~: une stratégie interrompue sans avoir été évaluée"),
        ("h2", "A - Une architecture ambitieuse"),
        (
            "p",
            "Adoptée en 2019 par la DINSIC, la stratégie TECH.GOUV entendait accélérer la transformation numérique du service public en mobilisant l’ensemble des ministères.",
        ),
        (
            "p",
            "En 2019, TECH.GOUV était articulée autour de six objectifs, de la simplification des démarches des usagers au développement de partenariats avec la société civile, en passant par l’autonomie et la sécurité numérique de l’État.",
        ),
        (
            "p",
            "En 2019, la stratégie TECH.GOUV se déclinait en deux axes et huit missions, elles-mêmes réparties en 35~programmes et suivies au moyen de 45~indicateurs prévus (tableau n°~3).",
        ),
        ("table", TABLE_TECHGOUV),
        (
            "p",
            "Cette architecture foisonnante n’a fait l’objet que d’une appropriation limitée par les agents, les ministères et les administrations partenaires.",
        ),
        (
            "p",
            "Le suivi de l’ensemble reposait sur la seule direction, sans que les ministères disposent d’outils partagés pour rendre compte de l’avancement des chantiers dont ils avaient la charge. Formulées en termes généraux, les ambitions retenues se prêtaient mal à une mesure précise des résultats.",
        ),
    ],
    [
        ("h2", "B - Un suivi lacunaire et un arrêt prématuré"),
        (
            "p",
            "À la mi-2021, TECH.GOUV ne comptait que 14~indicateurs complètement atteints. En 2022, TECH.GOUV prévoyait encore 18~objectifs à déployer ou à lancer.",
        ),
        (
            "p",
            "Actualisée en septembre 2021, la stratégie devait courir jusqu’en mai 2022. Elle a pourtant cessé d’être mise en œuvre dès janvier 2022, au moment du départ du directeur interministériel, sans avoir fait l’objet d’une évaluation.",
        ),
        (
            "p",
            "Cette interruption, intervenue sans décision formelle, a privé les administrations partenaires d’un cadre de référence au moment même où les projets financés par le plan de relance entraient dans leur phase de déploiement.",
        ),
        (
            "p",
            "Seul un bilan intermédiaire, établi lors de l’actualisation, permet d’apprécier les résultats obtenus. La nouvelle feuille de route[^feuille] de la direction, adoptée en mars 2023, ne tire pas les enseignements de cet exercice.",
        ),
        ("reco", RECO_1),
    ],
    # Chapitre II
    [
        (
            "chapter",
            "Chapitre II",
            "La suite numérique de l’agent public~: une offre souveraine coûteuse et peu utilisée",
        ),
        (
            "p",
            "Pendant la crise sanitaire, la DINUM a rassemblé plusieurs produits interministériels sous l’appellation de «~sac à dos numérique de l’agent public~», financé par le plan de relance, afin d’offrir aux administrations une alternative souveraine aux solutions du marché.",
        ),
        (
            "p",
            "Ce dispositif a évolué en 2023 vers un projet de suite numérique unifiée, ouverte et souveraine. Outre les outils d’échange déjà disponibles, comme Tchap, la Webconférence de l’État ou le Webinaire de l’État, et les plateformes collaboratives Osmose et Resana, elle doit comporter de nouvelles briques de messagerie, de stockage et d’édition partagée.",
        ),
        ("h1", "I - Une offre onéreuse pour les finances publiques"),
        ("h2", "A - Des coûts de déploiement et de maintenance importants"),
        (
            "p",
            "À la fin de l’année 2023, le coût cumulé de déploiement de la suite numérique atteignait près de 9,3~M€. Fin 2023, Tchap absorbait à lui seul 60~% de ce coût de déploiement.",
        ),
        (
            "p",
            "En 2023, le coût annuel de maintenance de la suite numérique s’élevait à 5~M€. En 2023, Tchap concentrait 40~% de ce coût annuel de maintenance.",
        ),
        (
            "p",
            "À la fin de l’année 2023, le coût total de la suite numérique s’établissait à un peu moins de 15~M€. Fin 2023, la suite numérique comptait moins de 200~000 utilisateurs en moyenne. Rapporté à ce nombre, le coût de la suite numérique ressortait fin 2023 à environ 75~€ par agent et par an.",
        ),
    ],
    [
        (
            "p",
            "La direction fait valoir que ces montants doivent être relativisés~: le coût des licences privées ouvrant l’accès à une suite bureautique et collaborative s’échelonne entre 300~€ et 590~€ par agent et par an.",
        ),
        (
            "p",
            "Certains produits supportent en outre des frais d’astreinte, qui ne sont pas inclus dans ces montants~: pour Resana, le coût annuel des astreintes atteint 100~000~€.",
        ),
        (
            "p",
            "Les coûts propres à Tchap sont significatifs. Entre 2021 et 2023, le coût de réalisation de Tchap a atteint 5,6~M€. En 2024, le coût annuel de maintenance de Tchap est évalué à 1,85~M€ (tableau n°~4).",
        ),
        ("table", TABLE_COSTS),
        (
            "p",
            "Les gains attendus de la mutualisation de ces produits entre les ministères font encore l’objet de réflexions, sans qu’une méthode de mesure ait été arrêtée. La comparaison avec les offres privées doit du reste être maniée avec prudence~: les produits de la suite numérique ne couvrent pas l’ensemble des fonctions proposées par les éditeurs, et leurs coûts complets, charges d’hébergement et de support comprises, ne sont pas encore consolidés.",
        ),
        (
            "p",
            "Disposer d’une alternative souveraine, mobilisable si les plateformes privées venaient à faire défaut, constitue un objectif légitime. Il ne dispense pas la direction de démontrer que les sommes engagées produisent des résultats tangibles pour les administrations.",
        ),
    ],
    [
        ("h1", "II - Une offre peu connue et peu utilisée"),
        ("h2", "A - Une notoriété et une satisfaction limitées"),
        (
            "p",
            "La suite numérique de l’agent public demeure une offre peu lisible et instable, que la plupart des agents ignorent. Selon le baromètre de l’agent public[^barometre], en 2022, les outils de la suite numérique restaient méconnus ou inutilisés par près de 70~% des agents.",
        ),
        (
            "p",
            "S’agissant de la suite numérique, la part des agents qui se déclarent «~très satisfaits~» d’un produit ne dépasse jamais 16~%. La Cour juge néanmoins le niveau global de satisfaction plutôt correct.",
        ),
        (
            "p",
            "Le graphique n°~1 présente, pour chaque outil, la part des agents publics qui déclarent ne pas l’utiliser.",
        ),
        ("chart", CHART_NON_USAGE),
        (
            "p",
            "En 2022, les agents qui n’utilisent pas Resana représentaient plus de 75~% des répondants. Il en allait de même pour Osmose~: en 2022, les agents qui n’utilisent pas Osmose représentaient également plus de 75~% des répondants.",
        ),
    ],
    [
        (
            "p",
            "L’équipement des agents publics n’est pourtant pas en cause. En 2022, le taux d’équipement des agents publics atteignait plus de 72~% pour l’ordinateur portable et se situait à environ 54~% pour l’ordinateur fixe. En 2022, le taux d’équipement des agents publics restait d’un peu moins de 40~% pour le smartphone et s’établissait à moins de 10~% pour la tablette.",
        ),
        (
            "p",
            "En 2022, 23~% des agents publics se déclaraient insatisfaits de leur environnement de travail numérique, en particulier pour le travail à distance.",
        ),
        ("h2", "B - Des usages concentrés sur quelques produits et administrations"),
        ("h3", "1 - Tchap, une messagerie à l’audience circonscrite"),
        (
            "p",
            "Depuis sa création, la messagerie instantanée Tchap a connu une activité contrastée. En janvier 2022, Tchap a atteint un pic d’activité avec 4,8~millions de messages échangés. En décembre 2023, Tchap ne comptait plus qu’environ 3~millions de messages.",
        ),
        (
            "p",
            "L’usage de la messagerie reste concentré dans quelques administrations, parmi lesquelles se distingue la direction générale des finances publiques (DGFiP). Sur Tchap, en décembre 2023, les agents de la DGFiP émettaient 26~% des messages. Toujours sur Tchap, en décembre 2023, les agents de l’Insee émettaient environ 8~% des messages et ceux de la gendarmerie environ 7~% des messages.",
        ),
    ],
    [
        (
            "p",
            "Début 2022, Tchap comptait environ 100~000 utilisateurs actifs. En 2023, le nombre d’utilisateurs actifs de Tchap a progressé de 30~%. Tchap rassemblait néanmoins, en 2023, moins de 190~000 utilisateurs actifs.",
        ),
        (
            "p",
            "En 2023, Tchap demeurait très peu utilisé hors de l’administration, avec une part d’utilisateurs externes limitée à 3,3~%. Cette faible ouverture rend difficile toute communication au-delà de ce périmètre.",
        ),
        (
            "p",
            "En novembre 2023, la Première ministre a pourtant demandé aux membres du Gouvernement et des cabinets ministériels de privilégier Olvid[^olvid], une messagerie privée, plutôt que Tchap. Cette consigne ne favorise pas la diffusion de la solution souveraine.",
        ),
        ("h3", "2 - Des outils de réunion à distance aux trajectoires divergentes"),
        (
            "p",
            "L’Audioconférence de l’État connaît un déclin continu. En janvier 2022, l’Audioconférence de l’État a culminé à 18~500 réunions. En novembre 2023, à peine 8~000 réunions se sont tenues au moyen de l’Audioconférence de l’État.",
        ),
        (
            "p",
            "La Webconférence de l’État, désignée sous le nom de «~Webconf de l’État~», a suivi une trajectoire inverse. En février 2020, la Webconférence de l’État accueillait moins de 3~000 conférences. En novembre 2023, environ 79~000 conférences se sont tenues sur la «~Webconf de l’État~».",
        ),
        (
            "p",
            "Depuis la fin de l’année 2022, le Webinaire de l’État plafonne autour de 5~000 webinaires par mois.",
        ),
    ],
    [
        ("h3", "3 - Des plateformes collaboratives redondantes"),
        (
            "p",
            "Resana et Osmose offrent aux agents des outils de travail collaboratif très proches. Leur coexistence tient aux conditions de la crise sanitaire~: au printemps 2020, la direction a ouvert en urgence plusieurs plateformes, faute qu’une solution unique puisse accueillir l’ensemble des agents sans risque opérationnel majeur.",
        ),
        (
            "p",
            "Au troisième trimestre 2023, Osmose comptait 48~000 utilisateurs actifs. La DINUM envisage pourtant l’arrêt de ce produit, dont l’éditeur n’est pas disposé à ouvrir le code source, à la différence de celui de Resana.",
        ),
        (
            "p",
            "Un arrêt progressif est à l’étude, sans qu’une décision définitive ait été prise. La bascule des communautés d’Osmose vers Resana pourrait toutefois entraîner des perturbations et une dégradation de la qualité de service.",
        ),
        (
            "p",
            "Plus largement, le département chargé des produits interministériels devra faire la preuve de sa valeur ajoutée en répondant à des besoins exprimés par les administrations elles-mêmes, plutôt qu’à ceux que la direction leur prête. Hormis des clubs d’utilisateurs constitués autour de quelques produits, il n’existe pas d’instance de pilotage associant les ministères à l’évolution de l’offre.",
        ),
        ("reco", RECO_2),
    ],
    # Chapitre III
    [
        (
            "chapter",
            "Chapitre III",
            "AgentConnect et l’ouverture des données~: des leviers à consolider",
        ),
        ("h1", "I - AgentConnect, un outil à fort potentiel encore peu utilisé"),
        (
            "p",
            "Conçu sur le modèle de FranceConnect[^franceconnect], AgentConnect permet aux agents publics d’accéder, avec un identifiant unique et sécurisé, à des applications métiers et à des outils collaboratifs communs aux ministères. Le secteur privé ne propose pas d’offre équivalente.",
        ),
        (
            "p",
            "Son audience a pourtant fortement reculé (graphique n°~2). En mars 2023, AgentConnect a atteint un pic de 22~043 utilisateurs uniques mensuels. En décembre 2023, AgentConnect ne comptait plus que 8~015 utilisateurs uniques mensuels.",
        ),
        ("chart", CHART_AGENTCONNECT),
        (
            "p",
            "Entre juin 2021 et décembre 2023, AgentConnect a principalement servi à accéder au portail des applications de ressources humaines, pour 66~% des connexions. Entre juin 2021 et décembre 2023, AgentConnect a également servi à rejoindre Osmose pour à peine 13~% des connexions et Resana pour environ 12~% des connexions.",
        ),
    ],
    [
        ("chart", CHART_AGENTCONNECT_LOGINS),
        (
            "p",
            "Fin 2023, AgentConnect fédérait neuf entités raccordées et 16~services connectés. La direction indique vouloir renforcer ses investissements sur AgentConnect en 2024, orientation que la Cour approuve.",
        ),
    ],
    [
        ("h1", "II - L’ouverture des données publiques, une dynamique inégale"),
        (
            "p",
            "La DINUM anime la politique d’ouverture des données publiques[^datagouv] et administre la plateforme nationale qui les recense. Fin 2023, data.gouv.fr recensait 47~000 jeux de données publiés.",
        ),
        (
            "p",
            "Les ministères se sont engagés à ouvrir des jeux de données prioritaires[^prioritaires], mais les résultats obtenus varient fortement d’une administration à l’autre (tableau n°~5).",
        ),
        ("table", TABLE_DATA),
        (
            "p",
            "Le ministère de l’éducation nationale a ainsi ouvert l’ensemble des jeux de données prioritaires qu’il avait prévus, tandis que le ministère de la justice n’avait encore rien publié à la fin de l’année 2023.",
        ),
        (
            "p",
            "Dans le domaine de l’intelligence artificielle, les initiatives des ministères et de la direction, notamment en matière d’IA générative, se multiplient sans s’inscrire dans une stratégie d’ensemble ni tirer parti des retours d’expérience des projets antérieurs. La commission de l’intelligence artificielle a appelé en mars 2024 à mieux coordonner et mutualiser ces investissements.",
        ),
        ("reco", RECO_3),
    ],
]
