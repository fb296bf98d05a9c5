#!/usr/bin/env python3
"""Generate the Relais sample data set: a fictional French political conversation.

Everything here is invented: people, parties, media, blogs, handles and domains.
The output has a known right answer for the influence ranking (see README.md and
check_expected.py).

    python3 sample-data/generate.py --seed 2027 --scale 1 --out sample-data

Standard library only (Python 3.11). The same seed and options always give
byte-identical files: one random.Random(seed) drives every choice, and nothing
iterates over a set or depends on the hash seed or the clock.

Output, under --out:
    twitter/search_2026-10-05_2026-10-12.jsonl   twarc2 search pages (API v2)
    twitter/search_2026-10-11_2026-10-19.jsonl   second run, overlapping the first
    blogs/blog_links.csv
    follows/follows.csv
    identities/identities.csv
"""

import argparse
import bisect
import csv
import datetime as dt
import io
import json
import os
import random
import string
import unicodedata
import urllib.parse

UTC = dt.timezone.utc
TWITTER_EPOCH_MS = 1288834974657
WINDOW_START = dt.datetime(2026, 10, 5, 0, 0, tzinfo=UTC)
WINDOW_END = dt.datetime(2026, 10, 18, 22, 0, tzinfo=UTC)
DEBATE_AT = dt.datetime(2026, 10, 8, 18, 30, tzinfo=UTC)      # 20h30 in Paris
SCANDAL_AT = dt.datetime(2026, 10, 13, 5, 30, tzinfo=UTC)     # 7h30 in Paris
BLOG_START = dt.datetime(2026, 9, 1, 6, 0, tzinfo=UTC)
# The two collection runs, as twarc2 search --start-time/--end-time; they overlap by six hours.
RUNS = [
    ("search_2026-10-05_2026-10-12.jsonl", dt.datetime(2026, 10, 5, 0, 0, tzinfo=UTC),
     dt.datetime(2026, 10, 12, 0, 0, tzinfo=UTC), dt.datetime(2026, 10, 12, 6, 41, 17, tzinfo=UTC)),
    ("search_2026-10-11_2026-10-19.jsonl", dt.datetime(2026, 10, 11, 18, 0, tzinfo=UTC),
     dt.datetime(2026, 10, 19, 0, 0, tzinfo=UTC), dt.datetime(2026, 10, 19, 5, 12, 3, tzinfo=UTC)),
]
TWARC_VERSION = "2.14.0"
RT_LIMIT = 140          # length at which a retweet's "RT @x: ..." text is cut, ending with "…"
SHARE_URL_MIN_START = 134  # links to blogs start past this offset, so that retweets never keep them

# Hosts that hold several blogs, each under its own first path segment.
PATH_PREFIXED_HOSTS = ["blogs.echo-citoyen.example"]

TAG_PRES = "Présidentielle2027"
TAG_DEBATE = "GrandOral2027"
TAG_SCANDAL = "AffaireDesBlogs"
TAG_LESAGE = "LesageAvecNous"

# --------------------------------------------------------------------------- names

FIRST_F = ["Léa", "Chloé", "Zoé", "Manon", "Camille", "Inès", "Anaïs", "Hélène", "Céline", "Émilie",
           "Noémie", "Amélie", "Agnès", "Cécile", "Valérie", "Françoise", "Thérèse", "Danièle", "Irène",
           "Sophie", "Julie", "Laure", "Margaux", "Clémence", "Pauline", "Élodie", "Mélanie", "Sandrine",
           "Nadia", "Yasmine", "Leïla", "Fatou", "Linh", "Soizic", "Gwenaëlle", "Maëlys", "Océane",
           "Capucine", "Bérénice", "Louise", "Jeanne", "Rose", "Juliette", "Lucie", "Estelle", "Muriel",
           "Solange", "Ghislaine", "Aurore", "Sylvie", "Nathalie", "Corinne", "Brigitte", "Josiane"]
FIRST_M = ["Jérôme", "Frédéric", "Benoît", "Loïc", "Gaël", "Aurélien", "Théo", "Clément", "Sébastien",
           "Grégoire", "François", "Joël", "Raphaël", "Stéphane", "Hervé", "Gérard", "Yannick", "Karim",
           "Samir", "Mehdi", "Sofiane", "Mamadou", "Thomas", "Nicolas", "Julien", "Maxime", "Antoine",
           "Lucas", "Hugo", "Louis", "Arthur", "Mathieu", "Cédric", "Olivier", "Pascal", "Thierry",
           "Didier", "Régis", "Rémi", "Jean-Marc", "Pierre-Yves", "Erwan", "Ronan", "Killian", "Bastien",
           "Quentin", "Adrien", "Noël", "Félix", "Célestin", "Anatole", "Honoré", "Bruno", "Fabien"]
LAST = ["Dubois", "Bréhat", "Moreau", "Girard", "Bonnet", "Dupuis", "Lambert", "Fontaine", "Ravenel",
        "Vincent", "Muller", "Lecomte", "Chevalier", "Robin", "Gauthier", "Perrin", "Morel", "Mercier",
        "Blanc", "Guérin", "Sauvageot", "Garnier", "Pommier", "André", "Coulomb", "Gastinel", "Arnaud", "Martel",
        "Leclerc", "Noël", "Meunier", "Brun", "Roy", "Colin", "Caron", "Picard", "Roger", "Schmitt",
        "Renard", "Aubert", "Giraud", "Mauduit", "Dumont", "Marchal", "Charpentier", "Lacroix",
        "Deschamps", "Lannuzel", "Carré", "Hamel", "Rolland", "Kervella", "Jacquet", "Brunet", "Huet",
        "Leblanc", "Benoît", "Maillard", "Tessier", "Collet", "Hoarau", "Payet", "Le Bihan", "Le Floch",
        "Kerjean", "Pelletier", "Barthélemy", "Bouvier", "Poirier", "Duval", "Royer", "Laine", "Hubert",
        "Prévost", "Bouchet", "Texier", "Delorme", "Ferrer", "Sanchez", "Nguyen", "Tran", "Benali",
        "Haddad", "Diallo", "Traoré", "Kaci", "Ouali", "Ferreira", "Da Silva", "Lopes", "Rossi",
        "Esposito", "Weber", "Keller", "Marty", "Castel", "Bérard", "Larchevêque", "Fauconnier",
        "Vasseur-Pin", "Soulier", "Thibault", "Jouve", "Courtois", "Ribeiro", "Tournebise", "Cazals"]
CITIES = ["Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Rennes", "Bordeaux", "Strasbourg",
          "Montpellier", "Dijon", "Clermont-Ferrand", "Besançon", "Limoges", "Brest", "Amiens", "Metz",
          "Rouen", "Perpignan", "Poitiers", "Orléans", "Caen", "Pau", "Angers", "Grenoble", "Nîmes"]
DEPARTEMENTS = ["Gironde", "Nord", "Rhône", "Isère", "Finistère", "Hérault", "Moselle", "Somme",
                "Loire-Atlantique", "Bouches-du-Rhône", "Haute-Garonne", "Puy-de-Dôme", "Côte-d'Or",
                "Ille-et-Vilaine", "Bas-Rhin", "Calvados", "Doubs", "Vienne", "Loiret", "Gard"]

THEMES = [
    # (phrase, hashtag or None, proposals)
    ("le pouvoir d'achat", "PouvoirDAchat",
     ["l'indexation des salaires sur les prix", "une baisse de la TVA sur l'énergie",
      "un chèque alimentation pour les familles", "la revalorisation du SMIC"]),
    ("les retraites", "Retraites",
     ["le retour de la retraite à 62 ans", "une retraite minimale à 1 200 euros",
      "la prise en compte de la pénibilité", "un système par points simplifié"]),
    ("l'hôpital public", "HôpitalPublic",
     ["10 000 soignants de plus dès 2027", "la fin des fermetures de maternités",
      "un plan d'urgence pour les urgences", "la régulation de l'installation des médecins"]),
    ("l'école", None,
     ["des classes de 20 élèves maximum", "la revalorisation des enseignants",
      "le retour de l'uniforme à l'école", "un plan lecture dès le CP"]),
    ("le logement", "Logement",
     ["l'encadrement des loyers partout", "200 000 logements sociaux par an",
      "une prime à la rénovation thermique", "la fin des passoires énergétiques"]),
    ("la transition écologique", "TransitionÉcologique",
     ["un grand plan pour le ferroviaire", "la sortie du charbon importé",
      "des transports gratuits pour les jeunes", "une taxe carbone aux frontières"]),
    ("la sécurité du quotidien", None,
     ["5 000 policiers de proximité", "des juges de plus pour les petits délits",
      "la vidéoprotection dans les gares", "une police municipale renforcée"]),
    ("l'Europe", None,
     ["une Europe de la défense", "la réforme du pacte de stabilité",
      "un référendum sur les traités", "une clause de sauvegarde agricole"]),
    ("la dette publique", "Budget2027",
     ["un audit complet des comptes publics", "la baisse des dépenses de fonctionnement",
      "une règle d'or budgétaire", "la lutte contre la fraude fiscale"]),
    ("les services publics", None,
     ["une maison France Services par canton", "le retour des bureaux de poste",
      "la fin des fermetures de lignes", "un service public de la petite enfance"]),
    ("la ruralité", None,
     ["un plan contre les déserts médicaux", "la fibre partout en 2028",
      "le soutien aux petits commerces", "des prix planchers pour les agriculteurs"]),
    ("les institutions", None,
     ["la proportionnelle intégrale", "le référendum d'initiative citoyenne",
      "la fin du cumul dans le temps", "un septennat non renouvelable"]),
]

# --------------------------------------------------------------------------- cast

# key, name, abbreviation, spectrum, tag, account handle, site, leader (first, last, gender, handle),
# prominence of the leader, activists, officials
PARTIES = [
    dict(key="ULC", name="Union libérale et conservatrice", short="l'ULC", spectrum="droite",
         tag="UnionLibérale", handle="UnionLiberale", site="union-liberale.example",
         leader=("Armand", "Delcourt", "m", "ArmandDelcourt"), prom=1.00, activists=52, officials=7,
         slogan="L'ordre et la liberté, enfin réunis."),
    dict(key="CS", name="Convergence sociale", short="Convergence sociale", spectrum="centre gauche",
         tag="ConvergenceSociale", handle="ConvSociale", site="convergence-sociale.example",
         leader=("Étienne", "Beaulieu", "m", "EtienneBeaulieu"), prom=0.95, activists=50, officials=7,
         slogan="Réparer le pays, ensemble."),
    dict(key="SN", name="Sursaut national", short="le Sursaut national", spectrum="droite nationaliste",
         tag="SursautNational", handle="SursautNational", site="sursaut-national.example",
         leader=("Gaëtan", "Morvan", "m", "GaetanMorvan"), prom=0.90, activists=48, officials=6,
         slogan="Le peuple d'abord, le pays avant tout."),
    dict(key="ADC", name="Alliance des communs", short="l'Alliance des communs", spectrum="gauche radicale",
         tag="AllianceDesCommuns", handle="AllianceCommuns", site="alliance-des-communs.example",
         leader=("Solène", "Marchetti", "f", "SoleneMarchetti"), prom=0.62, activists=22, officials=5,
         slogan="Le partage, pas le privilège."),
    dict(key="TC", name="Terre commune", short="Terre commune", spectrum="écologiste",
         tag="TerreCommune", handle="TerreCommune_fr", site="terre-commune.example",
         leader=("Maëlle", "Quéré", "f", "MaelleQuere"), prom=0.55, activists=18, officials=4,
         slogan="Le climat n'attend pas."),
    dict(key="ED", name="Élan démocrate", short="l'Élan démocrate", spectrum="centre",
         tag="ÉlanDémocrate", handle="ElanDemocrate", site="elan-democrate.example",
         leader=("Baptiste", "Laforge", "m", "BLaforge"), prom=0.50, activists=15, officials=4,
         slogan="Ni les extrêmes, ni l'immobilisme."),
]

MEDIA = [
    dict(key="courrier", name="Le Courrier républicain", handle="CourrierRep",
         site="www.courrier-republicain.example", kind="Quotidien national", weight=1.0, section="politique"),
    dict(key="echo", name="L'Écho citoyen", handle="EchoCitoyen",
         site="www.echo-citoyen.example", kind="Hebdomadaire d'enquête", weight=0.45, section="politique"),
    dict(key="agora", name="Radio Agora", handle="RadioAgora_info",
         site="www.radio-agora.example", kind="Radio d'information", weight=0.35, section="info"),
    dict(key="canal", name="Canal Hexagone", handle="CanalHexagone",
         site="www.canal-hexagone.example", kind="Chaîne d'information continue", weight=0.45, section="actu"),
]

# first, last, gender, handle, outlet, role, prominence
JOURNALISTS = [
    ("Claire", "Vasseur", "f", "ClaireVasseur", "courrier", "Cheffe du service politique", 1.0),
    ("Julien", "Mercadier", "m", "JMercadier", "courrier", "Journaliste politique", 0.35),
    ("Jeanne", "Lacombe", "f", "JeanneLacombe", "echo", "Grand reporter", 0.4),
    ("Paul", "Renaudin", "m", "PaulRenaudin", "echo", "Chroniqueur", 0.35),
    ("Nathalie", "Cordier", "f", "NathCordier", "agora", "Éditorialiste politique", 0.35),
    ("Karim", "Belkadi", "m", "KarimBelkadi", "canal", "Présentateur du Grand Oral", 0.35),
    ("Aude", "Vernier", "f", "AudeVernier", "canal", "Journaliste politique", 0.25),
    ("Hélène", "Marquis", "f", "HeleneMarquis", "echo", "Journaliste données et enquêtes", 0.35),
]

# Blogs. kind: legit or farm. author: (first, last, gender, handle) or a journalist handle.
# lean: a party key or None. prestige drives how often other blogs cite it and how often it is shared.
BLOGS = [
    dict(key="chroniques", title="Chroniques républicaines", root="https://chroniques-republicaines.blogspot.com/",
         style="blogspot", kind="legit", author=("Lucien", "Aubertin", "m", "LucienAubertin"),
         extra_account=("Chroniques républicaines", "ChroniquesRep"), lean=None, prestige=6.0, posts=30),
    dict(key="vigie", title="La Vigie citoyenne", root="https://lavigiecitoyenne.wordpress.com/",
         style="wordpress", kind="legit", author=("Odile", "Ferracci", "f", "OdileVigie"), lean=None,
         prestige=4.5, posts=26),
    dict(key="lacombe", title="Le blog de Jeanne Lacombe", root="https://blogs.echo-citoyen.example/jeanne-lacombe/",
         style="prefixed", kind="legit", author="JeanneLacombe", lean=None, prestige=3.5, posts=22),
    dict(key="renaudin", title="Les humeurs de Paul Renaudin", root="https://blogs.echo-citoyen.example/paul-renaudin/",
         style="prefixed", kind="legit", author="PaulRenaudin", lean=None, prestige=1.2, posts=14),
    dict(key="carnets", title="Les Carnets de la gauche", root="https://carnetsdelagauche.blogspot.com/",
         style="blogspot", kind="legit", author=("Yannick", "Le Goff", "m", "YannickLeGoff"), lean="ADC",
         prestige=1.3, posts=22),
    dict(key="hussard", title="Le Hussard libéral", root="https://www.le-hussard-liberal.example/",
         style="selfhosted", kind="legit", author=("Grégoire", "Valentin", "m", "HussardLiberal"), lean="ULC",
         prestige=1.4, posts=22),
    dict(key="ecocite", title="Écologie et Cité", root="https://ecologie-et-cite.blogspot.com/",
         style="blogspot", kind="legit", author=("Noémie", "Charpentier", "f", "NoemieCharp"), lean="TC",
         prestige=1.1, posts=18),
    dict(key="centriste", title="Bloc-notes centriste", root="https://bloc-notes-centriste.blogspot.com/",
         style="blogspot", kind="legit", author=("Frédéric", "Lamarque", "m", "FredLamarque"), lean="ED",
         prestige=0.9, posts=16),
    dict(key="terroirs", title="Terroirs et Nation", root="https://terroirs-et-nation.blogspot.com/",
         style="blogspot", kind="legit", author=("Hervé", "Kermarrec", "m", "HerveKermarrec"), lean="SN",
         prestige=1.1, posts=20),
    dict(key="province", title="Lettres de province", root="https://lettres-de-province.example/",
         style="plain", kind="legit", author=("Agnès", "Pujol", "f", "AgnesPujol"), lean=None,
         prestige=1.5, posts=18),
    # the link farm: one promoted blog and three satellites
    dict(key="sentinelle", title="La Sentinelle libre", root="https://la-sentinelle-libre.blogspot.com/",
         style="blogspot", kind="promoted", author=("Marc", "Dorval", "m", "SentinelleLibre"), lean=None,
         prestige=0.0, posts=26),
    dict(key="sat1", title="Actu politique du jour", root="https://actu-politique-du-jour.blogspot.com/",
         style="blogspot", kind="satellite", author=None, lean=None, prestige=0.0, posts=34),
    dict(key="sat2", title="Revue de presse express", root="https://revue-de-presse-express.blogspot.com/",
         style="blogspot", kind="satellite", author=None, lean=None, prestige=0.0, posts=34),
    dict(key="sat3", title="Le Fil info citoyen", root="https://le-fil-info-citoyen.blogspot.com/",
         style="blogspot", kind="satellite", author=None, lean=None, prestige=0.0, posts=32),
]

LESAGE = ("Victor", "Lesage", "m", "VictorLesage27")


def fold(s):
    """ASCII-fold: 'Élan démocrate' -> 'Elan democrate'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def de(phrase):
    """'de' contracted with the article: de(le logement) = du logement."""
    for art, rep in (("le ", "du "), ("les ", "des ")):
        if phrase.startswith(art):
            return rep + phrase[len(art):]
    return "de " + phrase


def a_(phrase):
    """'à' contracted with the article: à(le retour) = au retour."""
    for art, rep in (("le ", "au "), ("les ", "aux ")):
        if phrase.startswith(art):
            return rep + phrase[len(art):]
    return "à " + phrase


def slugify(s, max_words=8):
    s = fold(s).lower().replace("'", " ").replace("’", " ").replace("-", " ")
    words = ["".join(c for c in w if c.isalnum()) for w in s.split()]
    words = [w for w in words if w]
    return "-".join(words[:max_words])


def iso_ms(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def iso_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Account:
    __slots__ = ("idx", "id", "username", "name", "gender", "group", "party", "description", "website",
                 "protected", "verified", "created_at", "prom", "outlet", "blog", "lean", "in_follows", "out_follows", "metrics", "tco_url")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))
        self.in_follows = 0
        self.out_follows = 0


class Tweet:
    __slots__ = ("kind", "author", "t", "ms", "text", "ents", "ref", "reply_to_user", "root", "id",
                 "rt_count", "reply_count", "quote_count", "like_count", "share_blog")

    def __init__(self, kind, author, t, text, ents, ref=None):
        self.kind = kind          # original, retweet, quote, reply
        self.author = author
        self.t = t
        self.ms = 0
        self.text = text
        self.ents = ents          # dict: mentions/urls/hashtags, each a list of dicts (quote url: filled later)
        self.ref = ref            # referenced Tweet
        self.reply_to_user = None
        self.root = None
        self.id = None
        self.rt_count = self.reply_count = self.quote_count = 0
        self.like_count = 0
        self.share_blog = None


class Gen:
    def __init__(self, seed, scale):
        self.rng = random.Random(seed)
        self.scale = scale
        self.accounts = []
        self.by_handle = {}
        self.used_ids = {}
        self.tweets = []
        self.tco_used = {}

    # ------------------------------------------------------------------ helpers
    def choice(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def tco(self):
        while True:
            code = "".join(self.rng.choice(string.ascii_letters + string.digits) for _ in range(10))
            if code not in self.tco_used:
                self.tco_used[code] = True
                return "https://t.co/" + code

    def user_id(self, created):
        """Old accounts have short sequential ids; accounts since 2014 have snowflake ids."""
        rng = self.rng
        while True:
            if created.year < 2014:
                lo, hi = {2008: (10_000_000, 18_000_000), 2009: (18_000_000, 100_000_000),
                          2010: (100_000_000, 230_000_000), 2011: (230_000_000, 460_000_000),
                          2012: (460_000_000, 1_050_000_000), 2013: (1_050_000_000, 2_300_000_000)}[created.year]
                uid = str(rng.randrange(lo, hi))
            else:
                ms = int(created.timestamp() * 1000) + rng.randrange(1000)
                uid = str(((ms - TWITTER_EPOCH_MS) << 22) | (rng.randrange(1024) << 12) | rng.randrange(4096))
            if uid not in self.used_ids:
                self.used_ids[uid] = True
                return uid

    def created(self, y0, y1):
        start = dt.datetime(y0, 1, 1, tzinfo=UTC)
        end = dt.datetime(y1, 12, 31, tzinfo=UTC) if y1 < 2026 else dt.datetime(2026, 9, 20, tzinfo=UTC)
        secs = int((end - start).total_seconds())
        return start + dt.timedelta(seconds=self.rng.randrange(secs))

    def unique_handle(self, base):
        base = "".join(c for c in fold(base) if c.isalnum() or c == "_")[:15]
        h = base
        n = 1
        while h.lower() in self.by_handle:
            n += 1
            suffix = str(self.rng.randrange(10, 99) if n < 5 else n * 7 + self.rng.randrange(1000))
            h = base[:15 - len(suffix)] + suffix
        return h

    def person_handle(self, first, last):
        f, l = fold(first).replace("-", ""), fold(last).replace(" ", "").replace("-", "")
        pattern = self.rng.randrange(6)
        if pattern == 0:
            base = f + l
        elif pattern == 1:
            base = f[0] + l
        elif pattern == 2:
            base = f + "_" + l
        elif pattern == 3:
            base = (f + l).lower()
        elif pattern == 4:
            base = l + "_" + f[0]
        else:
            base = f + l[0] + str(self.rng.randrange(10, 99))
        return self.unique_handle(base)

    def add(self, username, name, group, created, **kw):
        kw.setdefault("verified", False)
        kw.setdefault("prom", 0.0)
        acc = Account(idx=len(self.accounts), id=self.user_id(created), username=username, name=name,
                      group=group, created_at=created, protected=False, **kw)
        if acc.description is None:
            acc.description = ""
        self.accounts.append(acc)
        self.by_handle[username.lower()] = acc
        return acc

    def random_person(self):
        gender = "f" if self.rng.random() < 0.5 else "m"
        first = self.choice(FIRST_F if gender == "f" else FIRST_M)
        return first, self.choice(LAST), gender

    # ------------------------------------------------------------------ cast
    def build_cast(self):
        rng, S = self.rng, self.scale
        self.party = {}
        self.leaders, self.officials, self.party_accounts, self.cms, self.activists = {}, {}, {}, {}, {}
        for p in PARTIES:
            self.party[p["key"]] = p
        for p in PARTIES:
            k = p["key"]
            first, last, g, h = p["leader"]
            self.leaders[k] = self.add(h, f"{first} {last}", "leader", self.created(2009, 2012), gender=g,
                                       party=k, prom=p["prom"], verified=True,
                                       description=f"{'Présidente' if g == 'f' else 'Président'} {de(p['short'])}. "
                                                   f"{'Candidate' if g == 'f' else 'Candidat'} à l'élection présidentielle. "
                                                   f"{p['slogan']}",
                                       website=f"https://www.{p['site']}/")
            self.party_accounts[k] = self.add(p["handle"], p["name"], "party", self.created(2010, 2016), party=k,
                                              verified=True,
                                              description=f"Compte officiel {de(p['short'])}. #{p['tag']}",
                                              website=f"https://www.{p['site']}/")
        for p in PARTIES:
            k = p["key"]
            offs = []
            for i in range(p["officials"] * S):
                first, last, g = self.random_person()
                fem = g == "f"
                role = self.choice([
                    f"{'Députée' if fem else 'Député'} de {self.choice(DEPARTEMENTS)}",
                    f"{'Sénatrice' if fem else 'Sénateur'} de {self.choice(DEPARTEMENTS)}",
                    f"Porte-parole {de(p['short'])}",
                    f"Maire de {self.choice(CITIES)}, {'déléguée nationale' if fem else 'délégué national'}",
                    f"{'Conseillère régionale' if fem else 'Conseiller régional'}, "
                    f"{'secrétaire nationale' if fem else 'secrétaire national'}",
                ])
                offs.append(self.add(self.person_handle(first, last), f"{first} {last}", "official",
                                     self.created(2010, 2020), gender=g, party=k, prom=0.2,
                                     verified=rng.random() < 0.6,
                                     description=f"{role}. #{p['tag']}",
                                     website=f"https://www.{p['site']}/" if rng.random() < 0.3 else None))
            self.officials[k] = offs
            first, last, g = self.random_person()
            self.cms[k] = self.add(self.person_handle(first, last), f"{first} {last}", "cm", self.created(2013, 2022),
                                   gender=g, party=k,
                                   description=f"Responsable numérique et réseaux sociaux {de(p['short'])}. "
                                               f"Avis personnels.")
        for p in PARTIES:
            k = p["key"]
            acts = []
            for i in range(p["activists"] * S):
                first, last, g = self.random_person()
                desc = self.choice([
                    f"{'Militante' if g == 'f' else 'Militant'} #{p['tag']} à {self.choice(CITIES)}.",
                    f"{'Engagée' if g == 'f' else 'Engagé'} aux côtés de @{p['leader'][3]}. {self.choice(CITIES)}.",
                    f"{'Adhérente' if g == 'f' else 'Adhérent'} {de(p['short'])}. Parent, {'salariée' if g == 'f' else 'salarié'}, {'citoyenne' if g == 'f' else 'citoyen'}.",
                    f"Jeunes {de(p['short'])} – {self.choice(DEPARTEMENTS)}",
                    f"#{p['tag']} #{TAG_PRES}",
                    "",
                ])
                name = f"{first} {last}" if rng.random() < 0.7 else f"{first} {last[0]}."
                acts.append(self.add(self.person_handle(first, last), name, "activist", self.created(2010, 2025),
                                     gender=g, party=k, description=desc))
            self.activists[k] = acts
        # media and journalists
        self.media = {}
        for m in MEDIA:
            self.media[m["key"]] = self.add(m["handle"], m["name"], "media", self.created(2008, 2010),
                                            verified=True, outlet=m["key"], prom=m["weight"],
                                            description=f"{m['kind']}. Toute l'actualité politique, "
                                                        f"de la campagne à l'Assemblée.",
                                            website=f"https://{m['site']}/")
        self.journalists = {}
        for first, last, g, h, outlet, role, prom in JOURNALISTS:
            m = next(x for x in MEDIA if x["key"] == outlet)
            self.journalists[h] = self.add(h, f"{first} {last}", "journalist", self.created(2009, 2016), gender=g,
                                           outlet=outlet, prom=prom, verified=prom >= 0.35,
                                           description=f"{role} à @{m['handle']}. Les DM sont ouverts.",
                                           website=f"https://{m['site']}/")
        # bloggers
        self.blog = {}
        self.bloggers = []
        for b in BLOGS:
            self.blog[b["key"]] = b
            b["accounts"] = []
            a = b["author"]
            if a is None:
                continue
            if isinstance(a, str):
                acc = self.journalists[a]
                acc.blog = b["key"]
                acc.website = b["root"]
            else:
                first, last, g, h = a
                grp = "promoted_blogger" if b["kind"] == "promoted" else "blogger"
                acc = self.add(h, f"{first} {last}" if b["kind"] != "promoted" else b["title"], grp,
                               self.created(2011, 2019) if b["kind"] != "promoted" else self.created(2024, 2025),
                               gender=g, blog=b["key"], lean=b["lean"],
                               description=(f"Blogueur. Auteur de « {b['title']} »." if g == "m" else
                                            f"Blogueuse. Autrice de « {b['title']} ».")
                               + (" Politique, institutions, campagne." if b["kind"] == "legit"
                                  else " Ce que les médias ne vous disent pas."),
                               website=b["root"])
                self.bloggers.append(acc)
            b["accounts"].append(acc)
            if b.get("extra_account"):
                name, h = b["extra_account"]
                acc2 = self.add(h, name, "blogger", self.created(2012, 2014), blog=b["key"], lean=b["lean"],
                                description=f"Le compte du blog « {name} ». Nouveaux billets chaque semaine.",
                                website=b["root"])
                self.bloggers.append(acc2)
                b["accounts"].append(acc2)
        # citizens, three of them private
        self.citizens = []
        for i in range(50 * S):
            first, last, g = self.random_person()
            desc = self.choice([
                f"{'Enseignante' if g == 'f' else 'Enseignant'} à {self.choice(CITIES)}. La politique me passionne.",
                f"{'Curieuse' if g == 'f' else 'Curieux'} de tout, surtout de politique.", f"{'Retraitée' if g == 'f' else 'Retraité'} et {'citoyenne vigilante' if g == 'f' else 'citoyen vigilant'}.",
                f"{'Étudiante' if g == 'f' else 'Étudiant'} en science politique.", "Avis personnels. RT ≠ adhésion.",
                f"{'Infirmière' if g == 'f' else 'Infirmier'}. {self.choice(CITIES)}.", "",
                f"{'Lectrice' if g == 'f' else 'Lecteur'} de blogs politiques depuis 2005.",
            ])
            acc = self.add(self.person_handle(first, last), f"{first} {last}" if rng.random() < 0.6 else first,
                           "citizen", self.created(2009, 2025), gender=g, description=desc)
            acc.lean = self.choice([p["key"] for p in PARTIES] + [None, None, None])
            self.citizens.append(acc)
        self.private = []
        for i in range(3):
            self.citizens[i * 7 + 3].protected = True
            self.private.append(self.citizens[i * 7 + 3])
        # the promoted account and its ring of sockpuppets, all created in a few weeks of 2026
        first, last, g, h = LESAGE
        self.lesage = self.add(h, f"{first} {last}", "promoted", dt.datetime(2026, 6, 2, 9, 14, 5, tzinfo=UTC),
                               gender=g, description="Citoyen candidat. Ni gauche ni droite : la France qui se lève. "
                                                     f"#{TAG_LESAGE}",
                               website="https://www.lesage-avec-nous.example/")
        self.ring = []
        ring_start = dt.datetime(2026, 8, 11, tzinfo=UTC)
        for i in range(20 * S):
            first, last, g = self.random_person()
            base = fold(first).replace("-", "") + "".join(str(rng.randrange(10)) for _ in range(8))
            created = ring_start + dt.timedelta(seconds=rng.randrange(3 * 7 * 86400))
            desc = self.choice([f"#{TAG_LESAGE}", f"Citoyenne libre. #{TAG_LESAGE}" if g == "f" else
                                f"Citoyen libre. #{TAG_LESAGE}", "Ni gauche ni droite. La France d'abord.",
                                "", f"Réveillons-nous ! #{TAG_LESAGE} #{TAG_PRES}"])
            self.ring.append(self.add(self.unique_handle(base), f"{first} {last[0]}.", "ring", created,
                                      gender=g, description=desc))

        # the "notables" everybody may follow
        self.all_leaders = [self.leaders[p["key"]] for p in PARTIES]

    # ------------------------------------------------------------------ blogs
    def build_blog_posts(self):
        rng, S = self.rng, self.scale
        self.posts = {}
        for b in BLOGS:
            n = b["posts"] * S
            posts = []
            span = int((WINDOW_END - BLOG_START).total_seconds())
            times = sorted(BLOG_START + dt.timedelta(seconds=int(span * (rng.random() ** 0.7))) for _ in range(n))
            for t in times:
                title = self.blog_title(b, t)
                posts.append(dict(blog=b["key"], t=t, title=title, url=self.post_url(b, t, title)))
            # make URLs unique
            seen = {}
            for p in posts:
                u = p["url"]
                if u in seen:
                    seen[u] += 1
                    u = u.replace(".html", f"_{seen[u]}.html") if u.endswith(".html") else u.rstrip("/") + f"-{seen[u]}/"
                    p["url"] = u
                seen.setdefault(u, 1)
            self.posts[b["key"]] = posts
        # media articles
        self.articles = {}
        for m in MEDIA:
            arts = []
            span = int((WINDOW_END - BLOG_START).total_seconds())
            for i in range(30 * S):
                t = BLOG_START + dt.timedelta(seconds=int(span * (rng.random() ** 0.6)))
                theme = self.choice(THEMES)
                leader = self.choice(self.all_leaders)
                title = self.choice([
                    f"{leader.name} détaille sa ligne sur {theme[0]}",
                    f"Présidentielle 2027 : la bataille {de(theme[0])}",
                    f"Ce que propose vraiment {leader.name}",
                    f"Sondage : {theme[0]} en tête des préoccupations",
                    f"Les coulisses d'une campagne sous tension",
                ])
                slug = slugify(title)
                arts.append(dict(t=t, title=title,
                                 url=f"https://{m['site']}/{m['section']}/{t:%Y/%m/%d}/{slug}_{rng.randrange(6_100_000, 6_999_999)}.html"))
            arts.sort(key=lambda a: a["t"])
            self.articles[m["key"]] = arts
        # the investigation about the link farm
        arts = self.articles["echo"]
        t = SCANDAL_AT - dt.timedelta(minutes=30)
        title = "Enquête : le réseau de blogs qui truquait les classements"
        self.scandal_article = dict(t=t, title=title,
                                    url=f"https://www.echo-citoyen.example/politique/{t:%Y/%m/%d}/{slugify(title)}_6950113.html")
        arts.append(self.scandal_article)
        arts.sort(key=lambda a: a["t"])
        self.post_times = {k: [p["t"] for p in v] for k, v in self.posts.items()}
        self.article_times = {k: [a["t"] for a in v] for k, v in self.articles.items()}

    def blog_title(self, b, t):
        theme = self.choice(THEMES)
        leader = self.choice(self.all_leaders)
        prop = self.choice(theme[2])
        if b["kind"] in ("satellite", "promoted"):
            pool = [
                f"Ce que les médias vous cachent sur {theme[0]}",
                f"{leader.name} : la vérité sur {prop}",
                f"Revue de presse du {t.day} {MONTHS[t.month]}",
                f"Les dix infos politiques à retenir aujourd'hui",
                f"Pourquoi la question {de(theme[0])} est un scandale d'État",
                f"Exclusif : ce qui se prépare sur {theme[0]}",
            ]
        else:
            pool = [
                f"{leader.name} et {theme[0]} : les vrais chiffres",
                f"Sur {theme[0]}, le débat mérite mieux",
                f"{prop.capitalize()} : bonne idée ou mirage ?",
                f"Campagne 2027 : où en est-on {de(theme[0])} ?",
                f"Lettre ouverte sur {theme[0]}",
                f"Ce que révèle la séquence sur {theme[0]}",
                f"Retour sur une semaine de campagne",
                f"Pourquoi je ne crois pas {a_(prop)}",
            ]
            if t > DEBATE_AT:
                pool.append("Grand Oral 2027 : mes notes sur le débat")
            if t > SCANDAL_AT:
                pool.append("Affaire des blogs : ce que cela dit de nos classements")
        return self.choice(pool)

    def post_url(self, b, t, title):
        slug = slugify(title)
        root = b["root"]
        if b["style"] == "blogspot":
            s = slug[:40].rstrip("-")
            return f"{root}{t:%Y/%m}/{s}.html"
        if b["style"] == "wordpress":
            return f"{root}{t:%Y/%m/%d}/{slug}/"
        if b["style"] == "prefixed":
            return f"{root}{t:%Y/%m/%d}/{slug}"
        if b["style"] == "selfhosted":
            return f"{root}billets/{slug}/"
        return f"{root}{t:%Y/%m}/{slug}.html"

    def build_blog_links(self):
        """Each row: a link from a blog post to a URL."""
        rng = self.rng
        rows = []
        legit = [b for b in BLOGS if b["kind"] == "legit"]
        sats = [b for b in BLOGS if b["kind"] == "satellite"]
        media_keys = [m["key"] for m in MEDIA]
        media_w = [m["weight"] for m in MEDIA]

        def earlier_post(bkey, t, exclude_url=None):
            posts = self.posts[bkey]
            n = bisect.bisect_left(self.post_times[bkey], t)
            if exclude_url is not None and n and posts[n - 1]["url"] == exclude_url:
                n -= 1
            if not n:
                return None
            # recent posts are cited more
            return posts[n - 1 - min(int(rng.expovariate(0.25 / self.scale)), n - 1)]

        def article_before(t):
            mk = rng.choices(media_keys, weights=media_w)[0]
            n = bisect.bisect_left(self.article_times[mk], t)
            return self.articles[mk][rng.randrange(n)] if n else None

        def anchor_for(target_title, blog_title=None):
            r = rng.random()
            if r < 0.45:
                return target_title
            if r < 0.6 and blog_title:
                return blog_title
            return self.choice(["ce billet", "ici", "lire la suite", "à lire", "comme je l'écrivais",
                                "l'analyse complète", "voir aussi", "source", "« un excellent papier »",
                                "selon cet article, \"sans appel\"", "chiffres, sources et graphiques"])

        for b in legit:
            others = [x for x in legit if x["key"] != b["key"]]
            w = [x["prestige"] * (1.6 if (x["lean"] is None or x["lean"] == b["lean"]) else 1.0) for x in others]
            for p in self.posts[b["key"]]:
                n = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5])
                for _ in range(n):
                    r = rng.random()
                    if r < 0.7:
                        tb = rng.choices(others, weights=w)[0]
                        tp = earlier_post(tb["key"], p["t"])
                        if tp:
                            rows.append((p["url"], tp["url"], p["t"], anchor_for(tp["title"], tb["title"])))
                    elif r < 0.86:
                        a = article_before(p["t"])
                        if a:
                            rows.append((p["url"], a["url"], p["t"], anchor_for(a["title"])))
                    elif r < 0.94:
                        tp = earlier_post(b["key"], p["t"], exclude_url=p["url"])
                        if tp:   # a self-link, to the blog's own earlier post
                            rows.append((p["url"], tp["url"], p["t"], self.choice(["mon précédent billet",
                                                                                    tp["title"], "j'en parlais ici"])))
                    else:
                        party = self.choice(PARTIES)
                        rows.append((p["url"], f"https://www.{party['site']}/programme/{slugify(self.choice(THEMES)[0])}",
                                     p["t"], f"le programme {de(party['short'])}"))
                # a few posts link the same URL twice (in the text and in a "sources" footer)
                if rows and rows[-1][0] == p["url"] and rng.random() < 0.04:
                    rows.append((p["url"], rows[-1][1], p["t"], "sources"))
            # a nationalist blog and a regional one were taken in by the farm
            if b["key"] in ("terroirs", "province"):
                for p in self.posts[b["key"]][:: 6]:
                    tp = earlier_post("sentinelle", p["t"])
                    if tp:
                        rows.append((p["url"], tp["url"], p["t"], tp["title"]))
        # the link farm
        for sb in sats:
            for p in self.posts[sb["key"]]:
                for _ in range(rng.choice([3, 4, 4, 5, 5, 6])):
                    tp = earlier_post("sentinelle", p["t"])
                    if tp:
                        rows.append((p["url"], tp["url"], p["t"], self.choice(
                            [tp["title"], "La Sentinelle libre", "à lire absolument", "l'info censurée"])))
                for ob in sats:
                    if ob["key"] != sb["key"] and rng.random() < 0.55:
                        tp = earlier_post(ob["key"], p["t"])
                        if tp:
                            rows.append((p["url"], tp["url"], p["t"], tp["title"]))
                if rng.random() < 0.4:
                    a = article_before(p["t"])
                    if a:
                        rows.append((p["url"], a["url"], p["t"], a["title"]))
        for p in self.posts["sentinelle"]:
            for ob in sats:
                if rng.random() < 0.5:
                    tp = earlier_post(ob["key"], p["t"])
                    if tp:
                        rows.append((p["url"], tp["url"], p["t"], "revue de presse"))
            for _ in range(rng.choice([1, 2, 2])):
                a = article_before(p["t"])
                if a:
                    rows.append((p["url"], a["url"], p["t"], a["title"]))
            if rng.random() < 0.3:
                tp = earlier_post("chroniques", p["t"])
                if tp:
                    rows.append((p["url"], tp["url"], p["t"], tp["title"]))
        # the investigation cited by the legit blogs after it was published
        for b in legit:
            later = [p for p in self.posts[b["key"]] if p["t"] > SCANDAL_AT + dt.timedelta(hours=2)]
            for p in later[:2]:
                rows.append((p["url"], self.scandal_article["url"], p["t"], self.scandal_article["title"]))
        rows.sort(key=lambda r: (r[2], r[0], r[1], r[3]))
        self.blog_links = rows

    # ------------------------------------------------------------------ follows
    def build_follows(self):
        rng = self.rng
        pairs = {}
        order = []

        def f(a, b, p):
            if a is b or rng.random() >= p:
                return
            key = (a.idx, b.idx)
            if key not in pairs:
                pairs[key] = True
                order.append(key)

        def some(a, pool, p):
            """Follow each of the scale-1 number of accounts of the pool with probability p."""
            k = sum(1 for _ in range(len(pool) // self.scale) if rng.random() < p)
            for x in rng.sample(pool, k):
                f(a, x, 1.0)

        leaders = self.all_leaders
        media = list(self.media.values())
        journos = list(self.journalists.values())
        party_accs = list(self.party_accounts.values())
        bloggers = [x for x in self.bloggers if x.group == "blogger"]
        blog_people = bloggers + [self.journalists["JeanneLacombe"], self.journalists["PaulRenaudin"]]
        lucien = self.by_handle["lucienaubertin"]
        chron = self.by_handle["chroniquesrep"]
        odile = self.by_handle["odilevigie"]
        sentinelle = self.by_handle["sentinellelibre"]
        m_prob = {"courrier": 0.8, "echo": 0.28, "agora": 0.22, "canal": 0.28}

        def journo_p(j, base):
            return min(0.95, base * (0.2 + 1.3 * j.prom ** 2))

        def blogger_p(bl, a):
            b = self.blog[bl.blog]
            p = 0.04 + 0.04 * b["prestige"]
            if getattr(a, "party", None) and b["lean"] == a.party:
                p += 0.3
            if getattr(a, "lean", None) and b["lean"] == a.lean:
                p += 0.15
            return p

        for a in self.accounts:
            g = a.group
            if g in ("activist", "official", "cm"):
                k = a.party
                f(a, self.leaders[k], 0.97)
                f(a, self.party_accounts[k], 0.85)
                some(a, self.officials[k], 0.35 if g == "activist" else 0.6)
                f(a, self.cms[k], 0.3 if g == "activist" else 0.9)
                for l in leaders:
                    if l.party != k:
                        f(a, l, 0.22 * l.prom ** 2)
                for m in media:
                    f(a, m, m_prob[m.outlet])
                for j in journos:
                    f(a, j, journo_p(j, 0.3))
                for bl in blog_people:
                    f(a, bl, blogger_p(bl, a) + (0.35 if g == "cm" else 0.0))
                for x in rng.sample(self.activists[k], min(len(self.activists[k]), rng.randrange(3, 10))):
                    f(a, x, 1.0)
                for x in rng.sample(self.citizens, rng.randrange(0, 3)):
                    f(a, x, 1.0)
                if a.party == "SN":
                    f(a, sentinelle, 0.06)
            elif g == "leader":
                k = a.party
                for o in self.officials[k]:
                    f(a, o, 0.9)
                f(a, self.party_accounts[k], 1.0)
                f(a, self.cms[k], 0.8)
                for m in media:
                    f(a, m, 0.9)
                for j in journos:
                    f(a, j, journo_p(j, 0.6))
                # the candidates follow none of their rivals
                for x in rng.sample(self.activists[k], 4):
                    f(a, x, 1.0)
                for bl in blog_people:
                    f(a, bl, blogger_p(bl, a) * 0.5)
            elif g == "party":
                k = a.party
                f(a, self.leaders[k], 1.0)
                for o in self.officials[k]:
                    f(a, o, 1.0)
                for m in media:
                    f(a, m, 0.6)
                for j in journos:
                    f(a, j, journo_p(j, 0.3))
            elif g == "media":
                for j in journos:
                    f(a, j, 1.0 if j.outlet == a.outlet else 0.1)
                # a newsroom follows every candidate and every party, whatever it thinks of them
                for l in leaders:
                    f(a, l, 1.0)
                for pa in party_accs:
                    f(a, pa, 1.0)
                for m in media:
                    f(a, m, 0.5)
            elif g == "journalist":
                for l in leaders:
                    f(a, l, 1.0)
                for k in self.officials:
                    some(a, self.officials[k], 0.25)
                for pa in party_accs:
                    f(a, pa, 0.75)
                for m in media:
                    f(a, m, 1.0 if m.outlet == a.outlet else 0.3 + 0.5 * m.prom)
                for j in journos:
                    f(a, j, journo_p(j, 0.6))
                for bl in blog_people:
                    f(a, bl, 0.15 + 0.08 * self.blog[bl.blog]["prestige"])
                f(a, self.lesage, 0.12)
                f(a, sentinelle, 0.12)
                for x in rng.sample(self.citizens, rng.randrange(0, 4)):
                    f(a, x, 1.0)
            elif g == "blogger":
                for bl in blog_people:
                    f(a, bl, 0.55 + 0.05 * self.blog[bl.blog]["prestige"])
                for l in leaders:
                    f(a, l, 0.45 if (a.lean is None or l.party == a.lean) else 0.25)
                for m in media:
                    f(a, m, 0.7)
                for j in journos:
                    f(a, j, journo_p(j, 0.5))
                if a.lean:
                    f(a, self.party_accounts[a.lean], 0.7)
                    for x in rng.sample(self.activists[a.lean], 3):
                        f(a, x, 1.0)
                for x in rng.sample(self.citizens, rng.randrange(2, 6)):
                    f(a, x, 1.0)
                if a.blog == "terroirs":
                    f(a, sentinelle, 1.0)
            elif g == "citizen":
                for l in leaders:
                    f(a, l, (0.5 if l.party == a.lean else 0.18) * l.prom)
                for m in media:
                    f(a, m, m_prob[m.outlet] + 0.05)
                for j in journos:
                    f(a, j, journo_p(j, 0.35))
                for bl in blog_people:
                    f(a, bl, blogger_p(bl, a) + 0.05)
                if a.lean:
                    f(a, self.party_accounts[a.lean], 0.3)
                    for x in rng.sample(self.activists[a.lean], rng.randrange(0, 3)):
                        f(a, x, 1.0)
                for x in rng.sample(self.citizens, rng.randrange(2, 7)):
                    f(a, x, 1.0)
                f(a, self.lesage, 0.03)
                f(a, sentinelle, 0.03)
            elif g == "promoted_blogger":
                for l in leaders:
                    f(a, l, 0.5)
                for m in media:
                    f(a, m, 0.6)
                for bl in blog_people:
                    f(a, bl, 0.3)
                for x in rng.sample(self.activists["SN"], 3):
                    f(a, x, 1.0)
            elif g == "promoted":
                for m in media:
                    f(a, m, 1.0)
                for j in journos:
                    f(a, j, 0.6)
                for l in leaders:
                    f(a, l, 0.8)
                for x in rng.sample(self.ring, 5):
                    f(a, x, 1.0)
                for x in rng.sample(self.citizens, 6):
                    f(a, x, 1.0)
            elif g == "ring":
                # the ring follows itself and its candidate, plus a spread of big accounts
                f(a, self.lesage, 1.0)
                some(a, self.ring, 0.8)
                for l in leaders:
                    f(a, l, 0.6 * l.prom)
                for m in media:
                    f(a, m, 0.55 * m.prom)
                for j in journos:
                    f(a, j, 0.3)
                for x in rng.sample(self.citizens, rng.randrange(3, 9)):
                    f(a, x, 1.0)
                for k in self.activists:
                    for x in rng.sample(self.activists[k], rng.randrange(0, 3)):
                        f(a, x, 1.0)
        self.follow_pairs = order
        for ai, bi in order:
            self.accounts[ai].out_follows += 1
            self.accounts[bi].in_follows += 1

    # ------------------------------------------------------------------ tweets
    def when(self):
        """A time in the window, following French daily rhythms and the two big moments."""
        rng = self.rng
        while True:
            r = rng.random()
            if r < 0.12:
                t = DEBATE_AT + dt.timedelta(minutes=rng.uniform(-90, 240))
            elif r < 0.22:
                t = SCANDAL_AT + dt.timedelta(hours=rng.expovariate(1 / 14))
            else:
                day = rng.randrange(14)
                hour = rng.choices(range(24), weights=HOUR_W)[0]
                t = WINDOW_START + dt.timedelta(days=day, hours=hour, seconds=rng.randrange(3600))
            if WINDOW_START <= t < WINDOW_END - dt.timedelta(hours=1):
                return t.replace(microsecond=0)

    def later(self, t, mean_minutes):
        return (t + dt.timedelta(seconds=int(60 + self.rng.expovariate(1 / (mean_minutes * 60))))).replace(microsecond=0)

    def render(self, parts):
        """parts: list of str, ('@', account), ('#', tag), ('u', url, blog-or-None). Returns text, entities."""
        text = ""
        ents = {"mentions": [], "urls": [], "hashtags": []}
        share = None
        for part in parts:
            if isinstance(part, str):
                text += part
            elif part[0] == "@":
                acc = part[1]
                s = len(text)
                text += "@" + acc.username
                ents["mentions"].append({"start": s, "end": len(text), "username": acc.username, "id": acc.id})
            elif part[0] == "#":
                s = len(text)
                text += "#" + part[1]
                ents["hashtags"].append({"start": s, "end": len(text), "tag": part[1]})
            elif part[0] == "u":
                url = part[1]
                s = len(text)
                tco = self.tco()
                text += tco
                ents["urls"].append({"start": s, "end": len(text), "url": tco, "expanded_url": url,
                                     "display_url": display_url(url)})
                if part[2]:
                    share = part[2]
        return text, ents, share

    def pad_for_link(self, parts):
        """Blog links go at the end, past SHARE_URL_MIN_START, so a retweet's cut text never holds them."""
        text_len = sum(len(p) if isinstance(p, str) else len(p[1].username) + 1 if p[0] == "@"
                       else len(p[1]) + 1 for p in parts)
        fillers = [" Bonne lecture à toutes et à tous.", " Vos commentaires sont les bienvenus.",
                   " N'hésitez pas à partager.", " Un sujet qui mérite mieux que des slogans.",
                   " Chiffres et sources dans le billet.", " On en débat ?", " À lire et à faire lire.",
                   " Merci aux lecteurs fidèles."]
        out = list(parts)
        i = self.rng.randrange(len(fillers))
        while text_len < SHARE_URL_MIN_START:
            s = fillers[i % len(fillers)]
            out.append(s)
            text_len += len(s)
            i += 1
        return out

    def post(self, kind, author, t, parts, ref=None):
        text, ents, share = self.render(parts)
        assert len(text) <= 280, text
        tw = Tweet(kind, author, t, text, ents, ref)
        tw.share_blog = share
        self.tweets.append(tw)
        return tw

    def theme(self):
        return self.choice(THEMES)

    def theme_tag(self, th):
        return [" ", ("#", th[1])] if th[1] and self.rng.random() < 0.6 else []

    def pres(self, p=0.6):
        return [" ", ("#", TAG_PRES)] if self.rng.random() < p else []

    def blog_post_before(self, bkey, t):
        n = bisect.bisect_left(self.post_times[bkey], t)
        if not n:
            return None
        return self.posts[bkey][n - 1 - min(int(self.rng.expovariate(0.4 / self.scale)), n - 1)]

    def blog_url_variant(self, url):
        r = self.rng.random()
        if r < 0.1:
            return url + ("&" if "?" in url else "?") + "utm_source=twitter&utm_medium=social"
        if r < 0.15 and ".blogspot.com/" in url:
            return url + "?m=1"
        if r < 0.2 and url.startswith("https://www.le-hussard-liberal"):
            return url.replace("https://www.", "https://")
        if r < 0.23:
            return url.replace("https://", "http://", 1)
        return url

    def article_before(self, outlet, t):
        n = bisect.bisect_left(self.article_times[outlet], t)
        return self.articles[outlet][n - 1 - min(int(self.rng.expovariate(0.3 / self.scale)), n - 1)] if n else None

    def originals(self):
        rng, S = self.rng, self.scale
        for p in PARTIES:
            k = p["key"]
            L = self.leaders[k]
            ptag = ("#", p["tag"])
            # leader
            for _ in range(int(14 + 16 * p["prom"])):
                t = self.when()
                th = self.theme()
                prop = self.choice(th[2])
                r = rng.random()
                if r < 0.3:
                    parts = [prop.capitalize(), " : c'est notre engagement pour ", th[0], ". ", ptag] + self.pres()
                elif r < 0.45:
                    m = self.pick_media()
                    parts = ["Ce soir, je serai ", "l'invitée" if L.gender == "f" else "l'invité", " de ", ("@", m),
                             " pour parler ", de(th[0]), "."] + self.pres(0.8)
                elif r < 0.6:
                    parts = ["Merci aux militants réunis à ", self.choice(CITIES),
                             " ! Ensemble, nous allons gagner. ", ptag]
                elif r < 0.75:
                    parts = ["Sur ", th[0], ", le gouvernement a échoué. Nous proposons ", prop, "."] + \
                            self.theme_tag(th) + self.pres()
                elif r < 0.85 and t > DEBATE_AT:
                    parts = ["Merci à tous ceux qui ont suivi le ", ("#", TAG_DEBATE),
                             ". Nos propositions sont claires, celles des autres beaucoup moins. ", ptag]
                else:
                    parts = [p["slogan"], " ", ptag] + self.pres()
                tw = self.post("original", L, t, parts)
                if rng.random() < 0.12:   # a short thread: the leader replies to themself
                    t2 = self.later(t, 2)
                    th2 = self.post("reply", L, t2, ["Et pour être précis : ", self.choice(th[2]),
                                                     ", financé sans hausse d'impôts."], ref=tw)
                    th2.reply_to_user = L
            # party account
            for _ in range(12):
                t = self.when()
                th = self.theme()
                r = rng.random()
                if r < 0.35:
                    parts = ["DIRECT | ", ("@", L), " à ", self.choice(CITIES), " : « ", self.choice(th[2]).capitalize(),
                             ", c'est possible. » ", ptag] + self.pres()
                elif r < 0.6:
                    m = self.pick_media()
                    parts = ["Ce soir à 20h, ", ("@", L), " sera sur ", ("@", m), ". ", ptag]
                elif r < 0.8:
                    o = self.choice(self.officials[k])
                    parts = ["Notre porte-parole ", ("@", o), " était ce matin sur le terrain, à ", self.choice(CITIES),
                             ". ", ptag]
                else:
                    parts = ["Le programme de ", ("@", L), " sur ", th[0], " en cinq points : ",
                             ("u", f"https://www.{p['site']}/programme/{slugify(th[0])}", None), " ", ptag]
                self.post("original", self.party_accounts[k], t, parts)
            # officials
            for o in self.officials[k]:
                for _ in range(rng.randrange(1, 5)):
                    t = self.when()
                    th = self.theme()
                    r = rng.random()
                    if r < 0.35:
                        parts = ["Dans ma circonscription, la question ", de(th[0]), " revient partout. ", ("@", L),
                                 " a raison : ", self.choice(th[2]), ". ", ptag]
                    elif r < 0.6:
                        parts = ["En commission, j'ai défendu ", self.choice(th[2]), "."] + self.theme_tag(th) + self.pres()
                    elif r < 0.8:
                        parts = ["Avec ", ("@", L), " à ", self.choice(CITIES), " ce matin. ", ptag]
                    else:
                        other = self.choice([x for x in self.all_leaders if x.party != k])
                        parts = ["Sur ", th[0], ", ", ("@", other), " n'a toujours rien proposé de sérieux."] + self.pres()
                    self.post("original", o, t, parts)
            # community manager: seeks out bloggers, promotes the leader
            cm = self.cms[k]
            for _ in range(rng.randrange(5, 9)):
                t = self.when()
                th = self.theme()
                if rng.random() < 0.45:
                    bl = self.pick_blogger(k)
                    parts = ["Merci ", ("@", bl), " pour ce billet très juste sur ", th[0], " ! ", ptag]
                else:
                    parts = ["Tout le programme de ", ("@", L), " sur ", th[0], " est en ligne. ", ptag]
                self.post("original", cm, t, parts)
            # activists
            for a in self.activists[k]:
                for _ in range(rng.choice([0, 0, 1, 1, 2, 2])):
                    t = self.when()
                    th = self.theme()
                    r = rng.random()
                    if r < 0.3:
                        parts = ["Fière" if a.gender == "f" else "Fier", " de militer aux côtés de ", ("@", L), " ! ",
                                 ptag] + self.pres(0.5)
                    elif r < 0.5:
                        parts = [self.choice(th[2]).capitalize(), " : enfin une proposition sérieuse. ", ptag]
                    elif r < 0.65:
                        parts = ["Tractage ce matin à ", self.choice(CITIES), ", super accueil. ", ptag]
                    elif r < 0.8 and t > DEBATE_AT:
                        parts = ["Le ", ("#", TAG_DEBATE), " a été clair : ", ("@", L), " était au-dessus du lot."]
                    else:
                        b = self.pick_blogger(k)
                        post = self.blog_post_before(b.blog, t)
                        if post is None:
                            continue
                        parts = self.pad_for_link(["À lire, le billet de ", ("@", b), " : « ", post["title"], " »."])
                        parts += [" ", ("u", self.blog_url_variant(post["url"]), b.blog)]
                    self.post("original", a, t, parts)
        # media
        for m in self.media.values():
            for _ in range(22):
                t = self.when()
                art = self.article_before(m.outlet, t)
                r = rng.random()
                if r < 0.12 and t < DEBATE_AT and m.outlet == "canal":
                    ls = self.all_leaders[:3]
                    parts = ["Jeudi à 20h30, le ", ("#", TAG_DEBATE), " avec ", ("@", ls[0]), ", ", ("@", ls[1]),
                             " et ", ("@", ls[2]), "."]
                elif r < 0.2 and t > SCANDAL_AT:
                    parts = [("#", TAG_SCANDAL), " | Un réseau de blogs s'échangeait des liens pour grimper dans les "
                                                 "classements. ", ("u", self.scandal_article["url"], None)]
                else:
                    parts = [("#", TAG_PRES), " | ", art["title"], " ", ("u", art["url"], None)]
                self.post("original", m, t, parts)
        # journalists
        for j in self.journalists.values():
            n = int(6 + 18 * j.prom)
            for _ in range(n):
                t = self.when()
                th = self.theme()
                L = self.choice(self.all_leaders)
                art = self.article_before(j.outlet, t)
                r = rng.random()
                if j.username == "HeleneMarquis" and t > SCANDAL_AT and r < 0.5:
                    parts = [("#", TAG_SCANDAL), " : trois blogs créés en quelques semaines citaient jusqu'à "
                                                 "six fois par billet le même site. Notre enquête : ",
                             ("u", self.scandal_article["url"], None)]
                elif r < 0.35:
                    parts = [L.name, " promet ", self.choice(th[2]), ". Notre article : ",
                             ("u", art["url"], None)] + self.pres()
                elif r < 0.55:
                    parts = ["Entretien avec ", ("@", L), " à lire dans ", ("@", self.media[j.outlet]), " : ",
                             ("u", art["url"], None)]
                elif r < 0.7 and t > DEBATE_AT:
                    a, b = rng.sample(self.all_leaders, 2)
                    parts = ["Au ", ("#", TAG_DEBATE), ", passe d'armes entre ", ("@", a), " et ", ("@", b),
                             " sur ", th[0], "."]
                elif r < 0.85:
                    parts = ["Sondage : la question ", de(th[0]), " reste la première préoccupation des Français."] + self.pres(0.9)
                else:
                    parts = ["Question à ", ("@", L), " : comment financer ", self.choice(th[2]), " ?"]
                self.post("original", j, t, parts)
            if j.blog:
                self.blog_tweets(j, j.blog, 5)
        # bloggers
        for bl in self.bloggers:
            if bl.group != "blogger":
                continue
            b = self.blog[bl.blog]
            self.blog_tweets(bl, bl.blog, int(5 + 2 * b["prestige"]))
            for _ in range(rng.randrange(2, 5)):
                t = self.when()
                other = self.choice([x for x in self.bloggers if x is not bl and x.group == "blogger"])
                post = self.blog_post_before(other.blog, t)
                if post is None:
                    continue
                parts = self.pad_for_link(["Très bon billet de ", ("@", other), " : « ", post["title"], " »."])
                parts += [" ", ("u", self.blog_url_variant(post["url"]), other.blog)]
                self.post("original", bl, t, parts)
            for _ in range(rng.randrange(1, 4)):
                t = self.when()
                th = self.theme()
                L = self.choice(self.all_leaders)
                parts = ["Sur ", th[0], ", ", ("@", L), " esquive encore."] + self.pres()
                self.post("original", bl, t, parts)
        # the promoted blog's author
        self.blog_tweets(self.by_handle["sentinellelibre"], "sentinelle", 10)
        # citizens
        for c in self.citizens:
            if c.protected:
                continue
            for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
                t = self.when()
                th = self.theme()
                r = rng.random()
                if r < 0.25:
                    j = rng.choices(list(self.journalists.values()), weights=[x.prom for x in self.journalists.values()])[0]
                    parts = [("@", j), " merci pour cet article clair sur ", th[0], "."]
                elif r < 0.45:
                    parts = ["Qui va vraiment parler ", de(th[0]), " pendant cette campagne ?"] + self.pres(0.9)
                elif r < 0.6 and t < DEBATE_AT + dt.timedelta(hours=4):
                    parts = ["Le ", ("#", TAG_DEBATE), " jeudi soir, vous regarderez ?"]
                elif r < 0.7 and t > SCANDAL_AT:
                    parts = ["Cette ", ("#", TAG_SCANDAL), " ne m'étonne pas. Les classements de blogs, on savait."]
                else:
                    b = rng.choices(self.bloggers, weights=[self.blog[x.blog]["prestige"] + 0.3 for x in self.bloggers])[0]
                    post = self.blog_post_before(b.blog, t)
                    if post is None:
                        continue
                    parts = self.pad_for_link(["À lire : « ", post["title"], " » par ", ("@", b), "."])
                    parts += [" ", ("u", self.blog_url_variant(post["url"]), b.blog)]
                self.post("original", c, t, parts)
        # friends write to the three private accounts
        public = [c for c in self.citizens if not c.protected]
        for p in self.private:
            for c in rng.sample(public, 2):
                t = self.when()
                parts = self.choice([[("@", p), " tu regardes le ", ("#", TAG_DEBATE), " jeudi ?"],
                                     [("@", p), " lis ça, c'est exactement ce qu'on disait dimanche."],
                                     [("@", p), " on en reparle au déjeuner ? ", ("#", TAG_PRES)]])
                self.post("original", c, t, parts)
        # the promoted account
        L = self.lesage
        for _ in range(26):
            t = self.when()
            r = rng.random()
            if r < 0.35:
                parts = ["Je suis candidat pour rendre la parole aux citoyens. ", ("#", TAG_LESAGE), " ", ("#", TAG_PRES)]
            elif r < 0.65:
                a, b = rng.sample(self.all_leaders, 2)
                parts = [("@", a), " et ", ("@", b), " : même échec, mêmes promesses. ", ("#", TAG_LESAGE)]
            elif r < 0.85:
                parts = ["Merci pour votre soutien incroyable ! Nous sommes des milliers. ", ("#", TAG_LESAGE)]
            else:
                th = self.theme()
                parts = ["Sur ", th[0], ", une seule solution : ", self.choice(th[2]), ". ", ("#", TAG_LESAGE)]
            self.post("original", L, t, parts)
        # the ring posts copy-paste slogans
        slogans = [["Victor Lesage est le seul candidat libre. ", ("#", TAG_LESAGE), " ", ("#", TAG_PRES)],
                   ["Rejoignez le mouvement ! ", ("@", L), " ", ("#", TAG_LESAGE)],
                   ["Les partis ont échoué. Place aux citoyens. ", ("#", TAG_LESAGE)],
                   ["Soutien total à ", ("@", L), " ! ", ("#", TAG_LESAGE), " ", ("#", TAG_PRES)]]
        for a in self.ring:
            for _ in range(rng.randrange(2, 5)):
                self.post("original", a, self.when(), list(self.choice(slogans)))

    def pick_media(self):
        ms = list(self.media.values())
        return self.rng.choices(ms, weights=[m.prom for m in ms])[0]

    def pick_blogger(self, party):
        """A blogger close to the party, or an independent one, the widely read ones more often."""
        bl = self.bloggers_for(party)
        return self.rng.choices(bl, weights=[self.blog[x.blog]["prestige"] for x in bl])[0]

    def bloggers_for(self, party):
        out = [x for x in self.bloggers if x.group == "blogger" and x.lean == party]
        out += [x for x in self.bloggers if x.group == "blogger" and x.lean is None]
        return out

    def blog_tweets(self, acc, bkey, n):
        b = self.blog[bkey]
        for _ in range(n):
            t = self.when()
            post = self.blog_post_before(bkey, t)
            if post is None:
                continue
            self.theme()   # drawn and unused: keeps the random stream that gives the committed sample
            pre = self.choice([["Nouveau billet : « ", post["title"], " »."],
                               ["Dans mon dernier billet : « ", post["title"], " »."],
                               ["Sur le blog : « ", post["title"], " »."]])
            if b["kind"] == "promoted":
                pre += [" ", ("#", TAG_PRES)]
            parts = self.pad_for_link(pre) + [" ", ("u", self.blog_url_variant(post["url"]), bkey)]
            self.post("original", acc, t, parts)

    # reactions ------------------------------------------------------
    @staticmethod
    def pool_key(a):
        if a.group in ("leader", "party", "official", "cm", "activist"):
            return (a.group, a.party)
        if a.group == "blogger":
            return (a.group, a.lean)
        if a.group == "media":
            return (a.group, a.outlet)
        if a.group == "journalist":
            return (a.group, a.username)
        return (a.group,)

    def affinity_pools(self):
        """Who reacts to whom: per kind of author, a weighted list of possible reactors."""
        pools = {}
        rng = self.rng
        journos = list(self.journalists.values())
        citizens = [c for c in self.citizens if not c.protected]
        bloggers = [x for x in self.bloggers if x.group == "blogger"]
        for a in self.accounts:
            key = self.pool_key(a)
            if key in pools:
                continue
            g = a.group
            cands = []
            if g in ("leader", "party", "official", "cm", "activist"):
                k = a.party
                wmul = {"leader": 1.0, "party": 0.8, "official": 0.5, "cm": 0.4, "activist": 0.25}[g]
                for x in self.activists[k]:
                    cands.append((x, 3.0 * wmul))
                for x in self.officials[k]:
                    cands.append((x, 2.0 * wmul))
                cands.append((self.cms[k], 4.0 * wmul))
                cands.append((self.party_accounts[k], 3.0 * wmul))
                if g != "leader":
                    cands.append((self.leaders[k], 0.8 * wmul))
                for x in citizens:
                    cands.append((x, (1.0 if x.lean == k else 0.05) * wmul))
                for x in bloggers:
                    cands.append((x, (1.0 if x.lean == k else 0.02) * wmul))
            elif g in ("media", "journalist"):
                for x in citizens:
                    cands.append((x, 1.0))
                for x in journos:
                    cands.append((x, 0.6 if x.outlet == a.outlet else 0.15))
                for x in bloggers:
                    cands.append((x, 0.4))
                for k in self.activists:
                    for x in self.activists[k]:
                        cands.append((x, 0.12))
                if g == "journalist":
                    cands.append((self.media[a.outlet], 3.0 * a.prom))
            elif g == "blogger":
                for x in bloggers:
                    cands.append((x, 2.0))
                for x in citizens:
                    cands.append((x, 0.4))
                if a.lean:
                    for x in self.activists[a.lean]:
                        cands.append((x, 0.3))
                    cands.append((self.cms[a.lean], 1.0))
            elif g == "citizen":
                for x in citizens:
                    cands.append((x, 0.3))
            elif g == "promoted":
                for x in self.ring:
                    cands.append((x, 1.0))
            elif g == "ring":
                for x in self.ring:
                    cands.append((x, 1.0))
            elif g == "promoted_blogger":
                for k in ("SN",):
                    for x in self.activists[k]:
                        cands.append((x, 0.1))
            cands = [(x, w) for x, w in cands if w > 0]
            cum, total = [], 0.0
            for _, w in cands:
                total += w
                cum.append(total)
            pools[key] = ([x for x, _ in cands], cum)
        return pools

    def sample_reactors(self, pool, n, author):
        """n distinct reactors from a weighted pool, never the author."""
        accs, cum = pool
        if not accs or n <= 0:
            return []
        out = []
        seen = {author.idx: True}
        tries = 0
        while len(out) < n and tries < n * 8:
            tries += 1
            x = self.rng.choices(accs, cum_weights=cum)[0]
            if x.idx not in seen:
                seen[x.idx] = True
                out.append(x)
        return out

    def reactions(self):
        rng, S = self.rng, self.scale
        pools = self.affinity_pools()
        originals = [t for t in self.tweets if t.kind == "original"]
        opponents = {}
        for p in PARTIES:
            k = p["key"]
            opponents[k] = [x for q in PARTIES if q["key"] != k for x in self.activists[q["key"]]]
        citizens = [c for c in self.citizens if not c.protected]
        supportive = ["Bravo, entièrement d'accord !", "Exactement. Il était temps.", "Merci, on lâche rien !",
                      "Très clair, merci.", "Voilà qui change des discours creux."]
        critical = ["Et le financement, on en parle ?", "Toujours les mêmes promesses…",
                    "Vous étiez aux affaires, qu'avez-vous fait ?", "Des chiffres, s'il vous plaît.",
                    "Ça ne tient pas debout.", "Et les classes moyennes dans tout ça ?"]
        quote_crit = ["Aucune mesure chiffrée. Rien.", "Voilà ce qu'ils proposent vraiment.",
                      "On a déjà vu ce film.", "Sérieusement ?"]
        quote_sup = ["À partager largement !", "Tout est dit.", "Le bon diagnostic."]
        for o in originals:
            a = o.author
            g = a.group
            # retweets
            if g == "leader":
                n = max(0, int(rng.gauss(7, 2) * a.prom ** 2))
            elif g == "party":
                n = rng.randrange(1, 4)
            elif g == "official":
                n = rng.randrange(0, 3)
            elif g == "cm":
                n = rng.randrange(0, 3)
            elif g == "activist":
                n = rng.choice([0, 0, 0, 1, 1, 2])
            elif g == "media":
                n = int(rng.randrange(1, 5) * a.prom ** 2)
            elif g == "journalist":
                n = int(rng.randrange(1, 5) * a.prom ** 2)
            elif g == "blogger":
                n = rng.randrange(1, 4)
            elif g == "citizen":
                n = rng.choice([0, 0, 0, 1])
            elif g == "promoted":
                n = rng.randrange(10, 16)
            elif g == "ring":
                n = rng.randrange(2, 6)
            elif g == "promoted_blogger":
                n = rng.randrange(0, 2)
            else:
                n = 0
            fast = g in ("promoted", "ring")
            if g in ("leader", "party", "cm", "media", "journalist", "blogger", "promoted", "promoted_blogger"):
                n *= S   # a fixed cast with a crowd that grows with the scale
            for x in self.sample_reactors(pools[self.pool_key(a)], n, a):
                t = self.later(o.t, 3 if fast else 90)
                if t < WINDOW_END:
                    self.retweet(x, t, o)
            # replies
            if g in ("leader", "journalist", "media", "party", "official"):
                nrep = rng.choice({"leader": [0, 0, 1, 1, 2, 3], "journalist": [0, 0, 1, 1, 2],
                                   "media": [0, 0, 0, 1], "party": [0, 0, 0, 1], "official": [0, 0, 0, 1]}[g])
                if g != "official":
                    nrep *= S
                for _ in range(nrep):
                    r = rng.random()
                    if g in ("leader", "party", "official") and r < 0.45:
                        x = self.choice(self.activists[a.party])
                        text = self.choice(supportive)
                    elif g in ("leader", "party", "official") and r < 0.8:
                        x = self.choice(opponents[a.party])
                        text = self.choice(critical)
                    else:
                        x = self.choice(citizens)
                        text = self.choice(critical + supportive)
                    t = self.later(o.t, 45)
                    if t < WINDOW_END and x is not a:
                        rp = self.post("reply", x, t, [("@", a), " ", text], ref=o)
                        rp.reply_to_user = a
                        # the author answers a journalist's question, or an activist answers an opponent
                        if rng.random() < (0.15 if g in ("leader", "party", "official") else 0.15 / S):
                            y = self.choice(self.activists[a.party]) if g in ("leader", "party", "official") else a
                            t2 = self.later(t, 30)
                            if t2 < WINDOW_END and y is not x:
                                rp2 = self.post("reply", y, t2, [("@", x), " ", ("@", a), " ",
                                                                 self.choice(critical + supportive)], ref=rp)
                                rp2.reply_to_user = x
                if g == "journalist" and rng.random() < 0.2:  # the six leaders do not grow with the scale
                    # a leader answers the journalist
                    L = self.choice(self.all_leaders)
                    t = self.later(o.t, 60)
                    if t < WINDOW_END:
                        rp = self.post("reply", L, t, [("@", a), " Nous avons chiffré chaque mesure, tout est en ligne."],
                                       ref=o)
                        rp.reply_to_user = a
            # quotes
            if g == "leader":
                nq = rng.choice([0, 0, 1, 1, 2])
                for i in range(nq * S):
                    r = rng.random()
                    if r < 0.35 and i < nq:   # the journalists and the rivals do not grow with the scale
                        x = self.choice(list(self.journalists.values()))
                        text = f"{a.name} précise sa position."
                    elif r < 0.75:
                        x = self.choice(opponents[a.party] + ([l for l in self.all_leaders if l is not a]
                                                              if i < nq else []))
                        text = self.choice(quote_crit)
                    else:
                        x = self.choice(self.activists[a.party])
                        text = self.choice(quote_sup)
                    t = self.later(o.t, 60)
                    if t < WINDOW_END:
                        q = self.post("quote", x, t, [text], ref=o)
                        self.finish_quote(q)
                        if x.group in ("journalist", "leader"):
                            for y in self.sample_reactors(pools[self.pool_key(x)], rng.randrange(1, 5) * S, x):
                                t2 = self.later(q.t, 60)
                                if t2 < WINDOW_END:
                                    self.retweet(y, t2, q)
            elif g in ("journalist", "media") and rng.random() < 1 - 0.88 ** S:
                x = self.choice(citizens + list(self.journalists.values()))
                t = self.later(o.t, 60)
                if t < WINDOW_END and x is not a:
                    q = self.post("quote", x, t, [self.choice(["À lire.", "Important.", "Très instructif.",
                                                               "Le papier du jour."])], ref=o)
                    self.finish_quote(q)
        # ring accounts: retweets of big accounts, replies to leaders with the same slogan
        big = [t for t in originals if t.author.group in ("leader", "media")]
        by_leaders = [t for t in originals if t.author.group == "leader"]
        for x in self.ring:
            for o in rng.sample(big, 3):
                t = self.later(o.t, 30)
                if t < WINDOW_END:
                    self.retweet(x, t, o)
            for _ in range(rng.randrange(1, 3)):
                o = self.choice(by_leaders)
                t = self.later(o.t, 20)
                if t < WINDOW_END:
                    rp = self.post("reply", x, t, [("@", o.author), " Vous avez échoué. Seul ", ("@", self.lesage),
                                                   " parle vrai. ", ("#", TAG_LESAGE)], ref=o)
                    rp.reply_to_user = o.author

    def finish_quote(self, q):
        """A quote tweet's text ends with the link to the quoted tweet; its expanded URL is set at output."""
        s = len(q.text) + 1
        tco = self.tco()
        q.text = q.text + " " + tco
        q.ents["urls"].append({"start": s, "end": len(q.text), "url": tco, "expanded_url": None,
                               "display_url": None})

    def retweet(self, who, t, o):
        prefix = f"RT @{o.author.username}: "
        full = prefix + o.text
        cut = len(full)
        if len(full) > RT_LIMIT:
            cut = RT_LIMIT - 1
            text = full[:cut] + "…"
        else:
            text = full
        ents = {"mentions": [{"start": 3, "end": 4 + len(o.author.username), "username": o.author.username,
                              "id": o.author.id}], "urls": [], "hashtags": []}
        off = len(prefix)
        for kind in ("mentions", "urls", "hashtags"):
            for e in o.ents[kind]:
                if e["end"] + off <= cut:
                    e2 = dict(e)
                    e2["start"] += off
                    e2["end"] += off
                    ents[kind].append(e2)
        assert not ents["urls"] or o.share_blog is None, "a retweet kept a blog link"
        tw = Tweet("retweet", who, t, text, ents, o)
        self.tweets.append(tw)
        return tw

    # ids and metrics ------------------------------------------------
    def finalize(self):
        rng = self.rng
        self.tweets.sort(key=lambda tw: tw.t)
        last_ms = 0
        for tw in self.tweets:
            ms = int(tw.t.timestamp() * 1000) + rng.randrange(1000)
            if ms <= last_ms:
                ms = last_ms + 1
            last_ms = ms
            tw.ms = ms
            tw.t = dt.datetime.fromtimestamp(ms // 1000, UTC)
            tw.id = str(((ms - TWITTER_EPOCH_MS) << 22) | (rng.randrange(1024) << 12) | rng.randrange(4096))
        for tw in self.tweets:
            if tw.kind == "retweet":
                tw.ref.rt_count += 1
            elif tw.kind == "reply":
                tw.ref.reply_count += 1
            elif tw.kind == "quote":
                tw.ref.quote_count += 1
            if tw.kind == "quote":
                e = tw.ents["urls"][-1]
                url = f"https://twitter.com/{tw.ref.author.username}/status/{tw.ref.id}"
                e["expanded_url"] = url
                e["display_url"] = display_url(url)
        for tw in self.tweets:
            if tw.kind == "retweet" and tw.ref.kind == "quote":
                full = {e["url"]: e for e in tw.ref.ents["urls"]}
                for e in tw.ents["urls"]:
                    e["expanded_url"] = full[e["url"]]["expanded_url"]
                    e["display_url"] = full[e["url"]]["display_url"]
        for tw in self.tweets:
            if tw.kind != "retweet":
                tw.like_count = int(tw.rt_count * rng.uniform(1.5, 4.0)) + rng.randrange(0, 4)
            root = tw
            while root.kind == "reply":
                root = root.ref
            tw.root = root

    def tweet_json(self, tw):
        d = {"id": tw.id, "text": tw.text, "author_id": tw.author.id, "created_at": iso_ms(tw.t),
             "conversation_id": tw.root.id if tw.kind == "reply" else tw.id, "lang": "fr"}
        ents = {k: v for k, v in (("mentions", tw.ents["mentions"]), ("urls", tw.ents["urls"]),
                                  ("hashtags", tw.ents["hashtags"])) if v}
        if ents:
            d["entities"] = ents
        if tw.kind == "retweet":
            d["referenced_tweets"] = [{"type": "retweeted", "id": tw.ref.id}]
            pm = {"retweet_count": tw.ref.rt_count, "reply_count": 0, "like_count": 0, "quote_count": 0}
        else:
            if tw.kind == "quote":
                d["referenced_tweets"] = [{"type": "quoted", "id": tw.ref.id}]
            elif tw.kind == "reply":
                d["referenced_tweets"] = [{"type": "replied_to", "id": tw.ref.id}]
                d["in_reply_to_user_id"] = tw.reply_to_user.id
            pm = {"retweet_count": tw.rt_count, "reply_count": tw.reply_count, "like_count": tw.like_count,
                  "quote_count": tw.quote_count}
        d["public_metrics"] = pm
        return d

    def user_json(self, a):
        d = {"id": a.id, "username": a.username, "name": a.name, "description": a.description,
             "url": "", "protected": a.protected, "verified": a.verified}
        if a.website:
            d["url"] = a.tco_url
            d["entities"] = {"url": {"urls": [{"start": 0, "end": len(a.tco_url), "url": a.tco_url,
                                               "expanded_url": a.website, "display_url": display_url(a.website)}]}}
        d["public_metrics"] = a.metrics
        d["created_at"] = iso_ms(a.created_at)
        return d

    def account_metrics(self):
        rng = self.rng
        n_tweets = {}
        for tw in self.tweets:
            n_tweets[tw.author.idx] = n_tweets.get(tw.author.idx, 0) + 1
        base = {"leader": (60_000, 350_000), "party": (25_000, 160_000), "official": (2_000, 25_000),
                "cm": (800, 6_000), "activist": (40, 3_000), "media": (300_000, 1_400_000),
                "journalist": (8_000, 140_000), "blogger": (900, 14_000), "citizen": (15, 2_500),
                "promoted": (9_000, 14_000), "ring": (8, 160), "promoted_blogger": (300, 1_800)}
        for a in self.accounts:
            lo, hi = base[a.group]
            scale = a.prom if a.group in ("leader", "journalist", "media") else rng.random()
            followers = max(a.in_follows, int(lo + (hi - lo) * scale * rng.uniform(0.7, 1.0)))
            if a.group == "ring":
                following = rng.randrange(600, 2_400)
                tweets = rng.randrange(4_000, 19_000)
            else:
                following = max(a.out_follows, int(rng.uniform(0.3, 3.0) * (200 + followers ** 0.5 * 10)))
                following = min(following, 7_500) if a.out_follows <= 7_500 else a.out_follows
                years = max(1, 2026 - a.created_at.year)
                tweets = n_tweets.get(a.idx, 0) + int(years * rng.uniform(100, 3_000) *
                                                      (3 if a.group in ("media", "party") else 1))
            listed = int(followers / rng.uniform(60, 400))
            a.metrics = {"followers_count": followers, "following_count": following, "tweet_count": tweets,
                         "listed_count": listed}
            a.tco_url = self.tco() if a.website else ""

    # ------------------------------------------------------------------ output
    def write_twitter(self, out):
        rng = self.rng
        os.makedirs(os.path.join(out, "twitter"), exist_ok=True)
        self.file_tweet_ids = []
        for fname, start, end, retrieved in RUNS:
            sel = [tw for tw in self.tweets if start <= tw.t < end]
            sel.sort(key=lambda tw: tw.ms, reverse=True)
            query = (f"#{TAG_PRES} OR #{TAG_DEBATE} OR #{TAG_SCANDAL} OR #{TAG_LESAGE} OR "
                     + " OR ".join(f"#{p['tag']}" for p in PARTIES) + " OR "
                     + " OR ".join(f"from:{a.username}" for a in
                                   self.all_leaders + list(self.media.values()))
                     + " lang:fr")
            base_url = ("https://api.twitter.com/2/tweets/search/all?" + urllib.parse.urlencode([
                ("expansions", "author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id,"
                               "entities.mentions.username"),
                ("tweet.fields", "author_id,conversation_id,created_at,entities,id,in_reply_to_user_id,lang,"
                                 "public_metrics,referenced_tweets,text"),
                ("user.fields", "created_at,description,entities,id,name,protected,public_metrics,url,username,"
                                "verified"),
                ("start_time", iso_z(start)), ("end_time", iso_z(end)), ("query", query),
                ("max_results", "100")]))
            lines = []
            token = None
            pages = [sel[i:i + 100] for i in range(0, len(sel), 100)]
            for pi, page in enumerate(pages):
                url = base_url + (f"&next_token={token}" if token else "")
                token = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(45)) \
                    if pi < len(pages) - 1 else None
                inc_tweets, seen_t = [], {}
                for tw in page:
                    if tw.ref is not None and tw.ref.id not in seen_t:
                        seen_t[tw.ref.id] = True
                        inc_tweets.append(tw.ref)
                users, seen_u = [], {}

                def add_user(acc):
                    if acc.id not in seen_u:
                        seen_u[acc.id] = True
                        users.append(acc)
                for tw in page:
                    add_user(tw.author)
                    for m in tw.ents["mentions"]:
                        add_user(self.by_handle[m["username"].lower()])
                    if tw.reply_to_user is not None:
                        add_user(tw.reply_to_user)
                for tw in inc_tweets:
                    add_user(tw.author)
                    for m in tw.ents["mentions"]:
                        add_user(self.by_handle[m["username"].lower()])
                meta = {"newest_id": page[0].id, "oldest_id": page[-1].id, "result_count": len(page)}
                if token:
                    meta["next_token"] = token
                obj = {"data": [self.tweet_json(tw) for tw in page],
                       "includes": {"users": [self.user_json(u) for u in users],
                                    "tweets": [self.tweet_json(tw) for tw in inc_tweets]},
                       "meta": meta,
                       "__twarc": {"url": url, "version": TWARC_VERSION,
                                   "retrieved_at": (retrieved + dt.timedelta(seconds=pi * 2)).isoformat(
                                       timespec="seconds")}}
                # twarc2 writes json.dumps(page) with the defaults: ASCII, non-ASCII as \\u escapes
                lines.append(json.dumps(obj))
            with open(os.path.join(out, "twitter", fname), "w", encoding="utf-8", newline="\n") as fh:
                for line in lines:
                    fh.write(line + "\n")

    def write_csv(self, path, header, rows):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow(r)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())

    def write_all(self, out):
        self.write_twitter(out)
        self.write_csv(os.path.join(out, "blogs", "blog_links.csv"),
                       ["source_url", "target_url", "published_at", "anchor_text"],
                       [(s, t, iso_z(ts), a) for s, t, ts, a in self.blog_links])
        # follows: each account's list was crawled once between 17 and 19 October; some lists twice
        rng = self.rng
        crawl = {}
        for a in self.accounts:
            crawl[a.idx] = dt.datetime(2026, 10, 17, 2, 0, tzinfo=UTC) + dt.timedelta(seconds=rng.randrange(2 * 86400))
        recrawl = {}
        for a in self.accounts:
            if rng.random() < 0.08:
                recrawl[a.idx] = crawl[a.idx] + dt.timedelta(hours=rng.randrange(20, 30), seconds=rng.randrange(3600))
        rows = []
        for ai, bi in self.follow_pairs:
            a, b = self.accounts[ai], self.accounts[bi]
            rows.append((crawl[ai], a, b))
            if ai in recrawl:
                rows.append((recrawl[ai], a, b))
        rows.sort(key=lambda r: (r[0], r[1].idx, r[2].idx))
        self.follow_rows = rows
        self.write_csv(os.path.join(out, "follows", "follows.csv"),
                       ["platform", "follower_id", "followee_id", "observed_at", "follower_handle", "followee_handle"],
                       [("twitter", a.id, b.id, iso_z(t), a.username, b.username) for t, a, b in rows])
        ident = []
        for b in BLOGS:
            for acc in b["accounts"]:
                ident.append((b["root"], "twitter", acc.id, acc.username))
        self.write_csv(os.path.join(out, "identities", "identities.csv"),
                       ["blog_url", "platform", "account_id", "handle"], ident)

    def run(self, out):
        self.build_cast()
        self.build_blog_posts()
        self.build_blog_links()
        self.build_follows()
        self.originals()
        self.reactions()
        self.finalize()
        self.account_metrics()
        self.write_all(out)

    def summary(self):
        groups = {}
        for a in self.accounts:
            groups[a.group] = groups.get(a.group, 0) + 1
        kinds = {}
        for tw in self.tweets:
            kinds[tw.kind] = kinds.get(tw.kind, 0) + 1
        return dict(accounts=len(self.accounts), groups=groups, tweets=len(self.tweets), kinds=kinds,
                    blog_links=len(self.blog_links), follow_pairs=len(self.follow_pairs),
                    follow_rows=len(self.follow_rows),
                    blog_posts=sum(len(v) for v in self.posts.values()))


MONTHS = {9: "septembre", 10: "octobre"}
# tweets per hour of the day (UTC); Paris is UTC+2 in October 2026 until the 25th
HOUR_W = [1, 0.5, 0.3, 0.3, 1, 3, 6, 8, 8, 7, 6, 7, 7, 6, 6, 6, 7, 8, 9, 10, 8, 5, 3, 2]


def display_url(url):
    s = url.split("://", 1)[1]
    if s.startswith("www."):
        s = s[4:]
    return s if len(s) <= 26 else s[:26] + "…"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--scale", type=int, default=1, help="1 = the committed sample; larger multiplies the crowd")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if args.scale < 1:
        ap.error(f"--scale was {args.scale}, but must be >= 1")
    g = Gen(args.seed, args.scale)
    g.run(args.out)
    if not args.quiet:
        print(json.dumps(g.summary(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
