app-title = Faisceau
app-tagline = Repérer ensemble les mineurs victimes d'exploitation et de traite
lang-name = Français

# Launcher
launcher-practise = S'exercer sur un cas
launcher-host = Animer un atelier
launcher-join = Rejoindre un atelier
launcher-author = Aperçu auteur
preview-view-as = Voir en tant que :
launcher-settings = Langue et affichage
settings-language = Langue
settings-scale = Taille du texte
settings-contrast = Contraste élevé (projecteur)

# Case picker
picker-title = Choisir un cas
picker-duration = Durée : { $minutes } min
picker-roles = Rôles
picker-content-note = Avertissement sur le contenu
picker-choose-role = Choisir votre rôle
picker-start = Commencer avec ce rôle
picker-title-preview = Aperçu auteur : choisir un cas
picker-none = Aucun cas trouvé dans { $folder }.
picker-open-file = Ouvrir un fichier de cas
picker-open-file-hint = chemin du fichier .ron
picker-open = Ouvrir
picker-open-failed = Impossible d'ouvrir { $path } : { $reason }
picker-empty-next = Aucun cas n'est chargé : ouvrez un fichier de cas à gauche (son chemin), ou lancez Faisceau depuis le dossier du projet.
picker-choose-case = Choisissez un cas à gauche.
picker-open-preview = Ouvrir l'aperçu auteur de ce cas
preview-change-case = Changer de cas
picker-next-step = Lisez l'avertissement, puis choisissez votre rôle : des bots joueront les autres.

# Role card
card-mission = Mission
card-powers = Vos décisions possibles
card-secrecy = Secret et partage
card-budget = Temps de travail par phase : { $hours }
card-begin = J'ai lu ma fiche, commencer
card-back-to-desk = Revenir à mon bureau
card-no-powers = Aucune décision propre : votre force est ce que vous savez et partagez.

# Desk
desk-phase = Phase { $index }/{ $count } · { $phase }
desk-time-left = Votre temps restant : { $time }
desk-waiting = La séance n'a pas commencé : lisez votre fiche.
desk-paused = Table en pause.
desk-ended = Séance terminée.
desk-next-step = Prochaine étape : { $hint }
hint-act = menez une action pour découvrir des informations.
hint-tag = classez vos informations dans votre faisceau d'indices.
hint-share = partagez ce que la loi permet avec les rôles qui en ont besoin.
hint-decide = une décision vous est ouverte.
hint-answer = une proposition de conclusion attend votre réponse.
hint-conclude = c'est la dernière phase : proposez une conclusion ou répondez à celle d'un collègue (onglet Conclusion).
hint-out-of-time = votre temps pour cette phase est écoulé ; la phase suivante vous en redonnera.
hint-listen = rien à faire pour l'instant, attendez ce que vos collègues vous transmettent (onglet Reçu).
tab-file = Dossier
tab-actions = Actions
tab-share = Partager
tab-inbox = Reçu
toast-received-many = { $count } informations reçues de vos collègues : lisez-les dans « Reçu ».
desk-notices-more = { $count ->
    [one] et 1 autre avis
   *[other] et { $count } autres avis
}
tab-decisions = Décisions
tab-conclusion = Conclusion
tab-messages = Messages
file-empty = Vous ne savez encore rien de plus que votre fiche. Menez une action.
file-learned = appris à { $time }
file-from = transmis par : { $role } · { $channel }
file-discovered = découvert par vous
file-tags = Indicateurs
file-add-tag = Classer dans le faisceau
file-people = Personnes
file-trust = Confiance : { $level }/5
bundle-title = Mon faisceau d'indices
bundle-empty = Votre faisceau est vide : associez des informations à des indicateurs.
actions-cost = { $time }
actions-take = Mener
actions-done = déjà menée
actions-results = Ce que vos actions ont donné
share-choose-clues = 1. Les informations à partager
share-choose-to = 2. À qui
share-verdict = Ce que dit le cadre légal
share-send = Partager
share-send-breach = Partager malgré la violation du secret
share-confirm-breach = Je comprends que ce partage viole le secret et qu'il sera relevé au débriefing.
share-nothing = Choisissez au moins une information et un destinataire pour voir le verdict.
share-strict = Seul le strict nécessaire peut être partagé.
inbox-empty = Rien reçu pour l'instant.
inbox-from = De : { $role } · au titre de « { $channel } » · { $time }
decisions-none = Votre profession ne prend pas de décision propre dans ce cas.
decisions-take = Décider
decisions-taken = Décisions prises à la table
conclusion-none-ended = La séance s'est terminée sans conclusion adoptée par la table.
conclusion-propose = Proposer une conclusion à la table
conclusion-choose = Conclusion
conclusion-orientation = Orientation
conclusion-reason = Pourquoi (vos indices)
conclusion-submit = Proposer
conclusion-open = Proposition — { $role } : { $conclusion }
conclusion-waiting = En attente de : { $roles }
conclusion-endorse = Approuver
conclusion-reject = Rejeter
conclusion-reject-reason = Raison du rejet
conclusion-adopted = Conclusion adoptée : { $conclusion }
messages-empty = Aucun message.
messages-hint = Indice du formateur
notes-title = Mes notes
notes-add = Ajouter la note
refused = Refusé : { $reason }
go-debrief = Voir le débriefing

# Verdicts, channels, purposes
verdict-allowed = Autorisé
verdict-caution = Autorisé avec précaution
verdict-breach = Violation du secret

# Trainer console
trainer-title = Console du formateur
trainer-spoilers = Afficher la solution et tous les indices
trainer-start = Démarrer
trainer-resume = Reprendre
trainer-pause = Pause
trainer-next-phase = Phase suivante
trainer-end = Terminer
trainer-injects = Événements
trainer-release = Déclencher
trainer-released = déclenché
trainer-hint = Envoyer une aide
trainer-hint-to-all = À toute la table
trainer-notes = Notes d'observation
trainer-progress = Avancement de la table
trainer-role-clues = { $count ->
    [0] Aucune information
    [one] 1 information
   *[other] { $count } informations
}
trainer-role-bundle = { $count ->
    [0] Faisceau vide
    [one] Faisceau : 1 classement
   *[other] Faisceau : { $count } classements
}
trainer-clues-known = { $known } informations
trainer-projector = Ouvrir la fenêtre projecteur
trainer-bundle = Faisceau : { $size }
trainer-solution = Solution

# Projector
projector-waiting = En attente des participants
projector-join = Rejoindre : { $address } — code { $code }
projector-local = Séance locale sur ce poste

# Debrief
debrief-title = Débriefing
debrief-table = La table
debrief-conclusion-correct = Conclusion juste : { $conclusion }
debrief-conclusion-wrong = Conclusion à revoir : { $conclusion } (attendue : { $expected })
debrief-no-conclusion = Pas de conclusion adoptée (attendue : { $expected })
debrief-time = Identification : { $time } (temps du scénario)
debrief-bundle = Faisceau d'indices par catégorie
debrief-graph = Qui a dit quoi à qui
debrief-decisions = Décisions attendues
debrief-on-time = à temps ({ $time })
debrief-late = en retard ({ $time }, échéance { $deadline })
debrief-missing = non prise
debrief-unexpected = non attendue ({ $time })
debrief-teaching = Points d'apprentissage
debrief-roles = Rôle par rôle
debrief-found = Informations obtenues
debrief-missed = Informations à portée, manquées
debrief-sent = Partages envoyés
debrief-traps = Pièges
debrief-trap-fallen = piège : { $clue }
debrief-trap-avoided = piège évité : { $clue }
debrief-share-trap = partage piège : { $clue } — { $note }
debrief-key-shares = Partages clés
debrief-reached = parvenu
debrief-not-reached = jamais parvenu
debrief-breaches = Violations du secret : { $count }

# Overlays
reload-error = Le fichier du cas ou son référentiel contient une erreur : la dernière version valide reste en jeu.
reload-unreadable = Le fichier du cas ne peut pas être lu ({ $path }) : { $reason }. La dernière version valide reste en jeu ; enregistrez de nouveau le fichier pour le recharger.
reload-breaks = Le cas a changé d'une façon incompatible avec la partie en cours : { $reason }
reload-restart = Recommencer avec la nouvelle version
reload-applied = Nouvelle version du cas chargée.

# Workshop on the network
back = Retour
host-title = Animer un atelier
host-intro = Les stagiaires rejoignent l'atelier depuis leur ordinateur, sur le même réseau, avec le code affiché au projecteur. Chaque table joue le cas de son côté.
host-name = Nom de l'atelier
host-tables = Nombre de tables
host-code = Code (facultatif)
host-code-hint = un nouveau code est créé
host-case = Cas à jouer
host-roles = { $count } rôles par table ; les rôles non pris peuvent être confiés à des robots.
host-open = Ouvrir l'atelier
host-join-at = Rejoindre : { $address }
host-join-browser = Navigateur : { $url }
host-code-is = Code : { $code }
host-free = Libérer
host-disconnected = Déconnecté·es (leur rôle les attend) : { $names }
web-tagline = Atelier de formation : repérer les mineurs victimes ou en risque d'exploitation sexuelle
join-title = Rejoindre un atelier
join-intro = Saisissez votre nom, le code et l'adresse affichés au projecteur. Les ateliers trouvés sur ce réseau apparaissent ci-dessous.
join-intro-browser = Saisissez votre nom et le code affiché au projecteur (déjà rempli si vous avez scanné le QR code).
join-name = Votre nom
join-code = Code de l'atelier
join-address = Adresse de l'atelier
join-found = Ateliers trouvés sur ce réseau
join-search = Chercher à nouveau
join-none-found = Aucun atelier trouvé pour l'instant : saisissez l'adresse affichée au projecteur.
join-go = Rejoindre
join-busy = Connexion…
join-fill = Renseignez votre nom, le code et l'adresse pour continuer.
join-fill-browser = Renseignez votre nom et le code pour continuer.
join-wrong-code = Code incorrect : vérifiez-le au projecteur et saisissez-le à nouveau.
join-version = Version différente : vous avez Faisceau { $mine }, l'atelier utilise { $theirs }. Installez la même version que la personne qui anime.
join-slow-down = Trop d'essais depuis cet ordinateur : patientez une minute avant de réessayer.
join-no-answer = Aucun atelier ne répond à { $address } : vérifiez l'adresse, que l'atelier est ouvert, et que les deux ordinateurs sont sur le même réseau.
join-bad-address = « { $address } » n'est pas une adresse : saisissez-la comme au projecteur, par exemple 192.168.1.20:5170.
join-code-length = Un code d'atelier compte 8 caractères, comme K7QX-M2PD ; celui-ci en a { $count }.
join-code-character = « { $char } » n'existe pas dans les codes d'atelier (chiffres de 2 à 9 et majuscules sauf I et O).
join-network-error = Erreur réseau sur cet ordinateur : { $why }
join-found-none-cli = Aucun atelier trouvé sur ce réseau : saisissez l'adresse affichée au projecteur, par exemple « faisceau join 192.168.1.20:5170 --code K7QX-M2PD ».
join-found-several-cli = Plusieurs ateliers sur ce réseau ; indiquez l'adresse du vôtre :
join-time-limit = Temps écoulé avant la fin de la table.
join-bots-failed = { $failed ->
    [one] { $failed } bot sur { $count } n'a pas fini.
   *[other] { $failed } bots sur { $count } n'ont pas fini.
}
lobby-connecting = Connexion à « { $workshop } »…
lobby-choose = Lisez l'avertissement ci-dessus, puis choisissez une table et un rôle libre.
lobby-seated = Votre rôle est choisi : la carte de rôle s'ouvre. La personne qui anime lancera la table.
lobby-take = Prendre ce rôle
lobby-leave = Quitter ce rôle
link-closed-after-end = L'atelier est fermé : votre débriefing reste consultable ici.
link-lost = Connexion perdue : reconnexion en cours, votre rôle vous attend.
table-n = Table { $n }
seat-free = libre
seat-bot = robot
seat-disconnected = { $name } (déconnecté·e)
status-waiting = en attente
status-running = en cours
status-paused = en pause
status-ended = terminée
refused-role-taken = Ce rôle est déjà pris par { $name } : choisissez-en un autre.
refused-no-name = Indiquez votre nom d'abord.
refused-bad-name = Votre nom doit compter de 1 à 40 caractères.
refused-name-in-use = Ce nom est celui d'une personne encore connectée à l'atelier. Si c'est vous qui revenez après une coupure, nous reprenons votre place : patientez quelques secondes, l'application réessaie d'elle-même.
refused-no-such = Cette table ou ce rôle n'existe pas dans l'atelier.
refused-table-full = Tous les rôles de cette table sont pris : choisissez une autre table.
refused-not-seated = Choisissez d'abord un rôle.
refused-table-started = La table a commencé : demandez à la personne qui anime de vous placer.
refused-malformed = L'atelier n'a pas pu lire un message de cet ordinateur.
refused-too-fast = Trop de demandes de cet ordinateur à la fois : l'atelier en a écarté. Attendez une seconde et recommencez.
projector-join-at = Pour rejoindre, lancez Faisceau, « Rejoindre un atelier », puis saisissez :
projector-join-browser = Dans un navigateur (ordinateur, tablette, téléphone), ouvrez :
projector-join-app = Ou dans l'application Faisceau, « Rejoindre un atelier » : { $address }
projector-scan = Ou scannez ce code avec un téléphone ou une tablette : le code de l'atelier est déjà rempli.
projector-code = Code
projector-join-how = Choisissez ensuite une table et un rôle.
projector-compare = Les tables côte à côte
projector-no-conclusion = Pas de conclusion adoptée

# Arrows and check marks are missing from the interface font: words instead.
discussion-proposed = { $who } propose : { $conclusion }. { $reason }
discussion-endorsed = { $who } approuve la proposition.
discussion-rejected = { $who } s'y oppose : { $reason }
share-preview-to = à { $name }

# Sharing through legal frames and acts
share-frame = 3. Dans quel cadre légal
share-frame-first-to = Choisissez d'abord un destinataire : les cadres ouverts dépendent de sa profession.
share-frame-none = Aucun cadre légal n'est ouvert vers tous ces destinataires à la fois : choisissez-les un par un.
share-frame-closed = { $count ->
    [one] Un autre cadre est fermé vers ce destinataire
   *[other] { $count } autres cadres sont fermés vers ce destinataire
}
share-closed = Cadre fermé
share-case-why = Ce cas s'écarte du référentiel : { $why }
share-record = Ce cadre transmet des faits, pas l'historique d'un dossier : le verdict est plus sévère.
share-copy = Ce cadre oblige à adresser une copie à : { $to }.
share-cannot = Ce partage n'est pas possible dans ce cadre : retirez l'information ou le destinataire concerné, ou choisissez un autre cadre.
share-mine = Mes partages ({ $count })
share-sent-line = { $time } · destinataire : { $to } · au titre de « { $frame } » ({ $count ->
    [one] une information
   *[other] { $count } informations
})
share-copy-sent = Copie adressée à : { $to }
acts-heading = Actes (réquisitions, auditions, convocations)
acts-received = { $act } n° { $number } — de : { $role }, { $time }
acts-issued = { $act } n° { $number } — destinataire : { $role }, { $time }
acts-scope = Porte sur : { $scope }
acts-scope-all = toute information utile
acts-declined = Refusé : { $reason }
acts-answered = Répondu.
acts-how-to-answer = Pour répondre, partagez les informations demandées au titre de « { $frame } », ou refusez avec un motif légitime.
acts-decline-reason = Motif du refus :
acts-decline = Refuser
acts-answer = Répondre : préparer le partage
acts-issue = Émettre : { $act }
acts-to = Destinataire :
acts-covering = Porte sur :
acts-issue-button = Émettre la { $act }
debrief-share = { $time } » { $to } — { $frame } — { $verdict }
debrief-share-act = , en réponse à : { $act } n° { $number }
debrief-acceptable = acceptable en partie ({ $time })
debrief-instead = , par : { $decision }
debrief-by = , par : { $role }

# faisceau rulebook: the tables for legal review
rb-as-of = État du droit au { $date } (référentiel `{ $id }`).
rb-generated = Ce document est produit par `faisceau rulebook` à partir du fichier du référentiel : corrigez le fichier, pas ce document. Chaque cas qui nomme ce référentiel applique ces règles ; un cas peut y ajouter des exceptions pour son histoire, chacune avec sa raison.
rb-professions = Professions et régime de secret
rb-professions-head = Id | Profession | Secret | Fondement
rb-classes = Catégories d'information
rb-classes-head = Id | Catégorie | Nature
rb-record = historique de dossier
rb-fact = faits
rb-acts = Actes qui ouvrent un cadre
rb-acts-head = Acte | Émis par | Adressé à | Fondement | Explication
rb-frames = Cadres légaux de partage
rb-frames-intro = Une ligne par cadre, puis ses exceptions, lues dans l'ordre : la première qui s'applique décide. Un partage hors de tout cadre ouvert passe par l'échange informel.
rb-frames-head = Cadre | De | Vers | Ce qu'il transporte | Verdict | Fondement | Explication
rb-anyone = toute profession
rb-addressee = le destinataire de l'acte
rb-issuer = l'auteur de l'acte
rb-opened-by = ouvert par : { $act }
rb-copy-to = copie obligatoire à : { $to }
rb-exception = Exception : { $when }
rb-sender-bound = expéditeur tenu { $regime }
rb-secrecy-professional = au secret professionnel
rb-secrecy-discretion = à la discrétion
rb-secrecy-none = à aucun secret
rb-carries-strict = le strict nécessaire
rb-carries-facts = les faits choisis par l'expéditeur
rb-carries-file = le dossier entier
rb-to-confirm = Points à confirmer avec un juriste
rb-situations = Situations de fait
rb-situations-intro = Certains cadres ne sont ouverts que dans un état de fait. Chaque cas dit quand ces situations tiennent dans son histoire ; tant qu'elles ne tiennent pas, le cadre est fermé et la fenêtre de partage dit pourquoi.
rb-situations-head = Id | Situation | Quand elle ne tient pas, le stagiaire lit
rb-requires = seulement si : { $situation }
rb-while = tant que : { $situation }
rb-closed = Fermé
rb-closed-no-act = sans acte « { $act } » reçu
rb-closed-between = ce cadre ne relie pas ces professions
rb-suite = Jeu de vérification des verdicts
rb-suite-intro = Des partages concrets, avec le verdict que la loi leur donne et l'article ou le point de revue qui le dit, joués contre le référentiel par `faisceau rulebook … --verify`. Un juriste qui corrige un verdict corrige une ligne et voit ce qui change ailleurs ; ✗ marque une différence.
rb-suite-head = N° | Partage | Attendu | Jugé par le référentiel | Fondement
rb-suite-share = { $from } → { $to } : { $class }, par « { $frame } »
rb-suite-not-relevant = détail sans lien avec un indicateur
rb-suite-situations = situation : { $list }
rb-suite-no-situation = aucune situation particulière
rb-suite-after = après : { $act }
rb-suite-ok = Les { $count } partages sont jugés comme attendu.
rb-suite-differences = { $count ->
    [one] Un partage n'est pas jugé comme attendu.
   *[other] { $count } partages ne sont pas jugés comme attendu.
}
rb-suite-frame-unchecked = Aucune ligne ne vérifie le cadre `{ $frame }`.
rb-suite-exception-unchecked = Aucune ligne ne vérifie l'exception n° { $number } du cadre `{ $frame }`.
share-choose-frame = Choisissez un cadre légal ci-dessus pour voir le verdict avant d'envoyer.
hint-answer-act = un acte vous est adressé (onglet Partager) : répondez dans son périmètre, ou refusez avec un motif légitime.
conclusion-rule-unanimity = Règle d'adoption : la table adopte une conclusion quand tous les rôles l'approuvent.
conclusion-rule-majority = Règle d'adoption : la table adopte une conclusion quand plus de la moitié des rôles l'approuvent.
discussion-lacking = mes éléments ne suffisent pas encore dans la catégorie « { $category } ».

# Refusals: why the engine refused a command (ids and arguments worded here)
refusal-not-started = La séance n'a pas encore commencé : lisez votre fiche de rôle en attendant le formateur.
refusal-paused = La table est en pause : vous pouvez relire votre dossier, pas agir.
refusal-ended = La séance est terminée : place au débriefing.
refusal-already-running = La séance est déjà en cours.
refusal-not-running = La séance n'est pas en cours.
refusal-unknown-role = Ce rôle n'existe pas dans ce cas.
refusal-unknown-action = Cette action n'existe pas dans ce cas.
refusal-not-your-action = Cette action relève d'une autre profession.
refusal-already-done = Vous avez déjà mené cette action.
refusal-over-budget = Pas assez de temps dans cette phase : il faut { $needed }, il vous reste { $left }.
refusal-unmet-knowledge = Il vous manque encore des informations : menez des actions et lisez ce que vos collègues vous transmettent (le jeu ne dit pas lesquelles, comme dans la réalité).
refusal-unmet-decision = Il faut d'abord une décision : { $name }.
refusal-unmet-phase = Pas possible avant cette phase : { $name }.
refusal-unmet-phase-over = Plus possible après cette phase : { $name }.
refusal-unmet-action = Menez d'abord cette action : { $name }.
refusal-unmet-act = Il faut d'abord un acte : { $name }.
refusal-unmet-circumstances = La situation ne le permet pas encore.
refusal-unmet-trust = { $name } ne vous fait pas encore assez confiance : la confiance se construit en plusieurs rencontres.
refusal-unknown-decision = Cette décision n'existe pas dans ce cas.
refusal-not-your-power = Cette décision ne relève pas des pouvoirs de votre profession.
refusal-already-decided = Cette décision a déjà été prise.
refusal-nothing-to-share = Choisissez au moins une information à partager.
refusal-no-recipient = Choisissez au moins un destinataire.
refusal-share-with-self = Vous ne pouvez pas partager avec vous-même.
refusal-unknown-recipient = Il n'y a pas de rôle « { $id } » à cette table.
refusal-not-held = Vous ne pouvez partager ou classer que des informations dont vous disposez.
refusal-unknown-indicator = Cet indicateur n'existe pas dans ce cas.
refusal-already-tagged = Cet indicateur figure déjà dans votre faisceau.
refusal-not-tagged = Cet indicateur ne figure pas dans votre faisceau.
refusal-unknown-conclusion = Cette conclusion n'existe pas dans ce cas.
refusal-unknown-orientation = Cette orientation n'existe pas dans ce cas.
refusal-no-open-proposal = Aucune proposition n'est en discussion.
refusal-stale-proposal = Cette proposition a été remplacée ou close : lisez la proposition en cours.
refusal-own-proposal = Vous ne pouvez pas approuver ou rejeter votre propre proposition.
refusal-already-endorsed = Vous avez déjà approuvé cette proposition.
refusal-empty-text = Écrivez quelques mots.
refusal-too-long = Ce texte est trop long (2 000 caractères au plus).
refusal-control-characters = Ce texte contient des caractères de contrôle : retirez-les.
refusal-too-many-notes = Vous avez écrit le nombre maximal de notes pour cette séance.
refusal-unknown-inject = Cet événement n'existe pas dans ce cas.
refusal-already-released = Cet événement a déjà été déclenché.
refusal-unavailable = Ce n'est pas possible dans la situation actuelle.
refusal-off-duty = Vous n'êtes pas de service pendant cette phase.
refusal-unknown-frame = Ce cadre légal n'existe pas dans le référentiel de ce cas.
refusal-unknown-act = Cet acte n'existe pas dans le référentiel de ce cas.
refusal-not-your-act = Cet acte ne relève pas des pouvoirs de votre profession dans ce cas.
refusal-not-an-addressee = { $act } ne peut être adressé(e) qu'à : { $only }.
refusal-unknown-class = Le référentiel de ce cas n'a pas de catégorie d'information « { $id } ».
refusal-empty-scope = Précisez ce que l'acte couvre : au moins une catégorie d'information.
refusal-no-such-act = Aucun acte en cours portant ce numéro ne vous est adressé.
closed-not-from = { $frame } : ce cadre n'est pas ouvert à votre profession.
closed-not-to = { $frame } : fermé vers ce destinataire ; ce cadre ne mène qu'à : { $only }.
closed-no-act = { $frame } : aucun acte « { $act } » reçu (de : { $who }).
closed-no-situation = { $frame } : fermé, { $why }.
closed-out-of-scope = L'acte n° { $number } ne couvre pas cette information : { $class }.
share-law-as-of = Règles du référentiel, état du droit au { $date }.

# The desk (issue 12)
desk-clock-help = L'heure du scénario à la table : le point le plus avancé atteint par un rôle. Chaque date affichée se lit sur cette horloge.
desk-welcome-back = Bon retour : vous avez retrouvé votre place, tout ce que vous aviez fait est conservé.
desk-solo-ready = Quand vous avez lu votre fiche, démarrez la séance : les autres rôles sont joués par l'ordinateur.
desk-start = Démarrer la séance
desk-end-session = Terminer la séance
desk-new = Nouveau
confirm-next-title = Passer à la phase suivante : { $phase } ?
confirm-next-body = Le temps avance pour toute la table. Ce que vous n'avez pas fait dans cette phase ne pourra plus l'être dans les mêmes conditions.
confirm-next-yes = Passer à la phase suivante
confirm-end-title = Terminer la séance ?
confirm-end-body = C'est la dernière phase : la séance s'arrête pour toute la table et le débriefing s'ouvre. Plus aucune action, aucun partage ni aucun vote ne sera possible.
confirm-cancel = Annuler
bundle-help = Chaque information classée sous un indicateur compte pour sa catégorie. Ici : combien d'indicateurs vous avez étayés ; au débriefing, le poids de chaque catégorie sera comparé à un minimum.
bundle-coverage = { $count ->
    [one] { $covered } indicateur sur { $count }
   *[other] { $covered } indicateurs sur { $count }
}
feed-title = Activité
feed-empty = Rien ne s'est encore passé à la table.
feed-result = Votre action « { $action } » : { $found }
feed-received = Reçu de : { $role } · au titre de « { $frame } » ({ $count ->
    [one] une information
   *[other] { $count } informations
})
feed-act-received = { $act } reçue — de : { $role }
feed-act-issued = { $act } — destinataire : { $role }
feed-decision = Décision prise : { $decision } ({ $role })
feed-phase = Phase { $index }/{ $count } : { $phase }
feed-trust-up = { $person } : confiance en hausse ({ $from } → { $to }/5)
feed-trust-down = { $person } : confiance en baisse ({ $from } → { $to }/5)
actions-nothing-new = rien de nouveau.
actions-found-at = Résultat, { $time } :
share-done = Partagé avec : { $to } · au titre de « { $frame } » ({ $count ->
    [one] une information
   *[other] { $count } informations
})
share-summary = { $count ->
    [one] Une information
   *[other] { $count } informations
} → { $to } · « { $frame } »
share-send-allowed = Envoyer seulement à : { $to }
share-mine-empty = Vous n'avez encore rien partagé.
file-help = Les plus récentes en haut. Classez chaque information sous un indicateur : un clic sur une pastille.
file-untag-help = Cliquer pour retirer cet indicateur.
file-tags-close = Fermer les indicateurs
file-more-sources = { $count ->
    [one] une autre source
   *[other] { $count } autres sources
}
file-fewer-sources = Replier les sources
conclusion-endorsed-by = Approuvée par : { $roles }
conclusion-discussion = Les échanges de la table
debrief-back-desk = Retour au bureau
debrief-launcher = Accueil
debrief-quit = Quitter
debrief-key-share = « { $clue } » → { $role } : { $reached }
debrief-bundle-legend = Pour chaque catégorie : le poids des informations que la table a classées, puis le minimum qu'il fallait réunir (le trait noir). « 7 / 3 » : un poids de 7 pour un minimum de 3.
card-begin-help = Vous pourrez relire cette fiche à tout moment : elle ne disparaît pas.
card-time = Votre temps
desk-read-card = Relire ma fiche
refused-seat-held = Une place à votre nom vous attend à la table { $table }. Cet ordinateur n'est pas celui sur lequel vous l'aviez prise : la personne qui anime peut vous y replacer d'un clic.
join-taking-seat-back = Nous reprenons votre place…
close-seat-title = Quitter l'atelier ?
close-seat-body = Votre table continue sans vous. Votre place vous attend : rouvrez Faisceau sur cet ordinateur et rejoignez l'atelier sous le même nom pour la retrouver, avec tout ce que vous avez fait.
close-host-title = Fermer l'atelier ?
close-host-body = Des tables sont en cours : elles s'arrêtent pour tout le monde. Rien n'est perdu : le journal garde chaque table et chaque place, et « faisceau host --resume { $journal } » rouvre l'atelier là où il en était.
close-stay = Rester
close-quit = Quitter quand même
trainer-bundle-score = { $category } : poids { $weight } pour un minimum de { $required }
host-default-name = Atelier Faisceau
trainer-time-left = Temps restant : { $time }

# The PEARLS debrief and the report (issue 13)
pearls-title = Débriefing structuré (PEARLS)
pearls-intro = Réactions, description, analyse, application, synthèse : des questions tirées de ce que chaque table a fait.
pearls-reactions = Réactions
pearls-description = Description
pearls-analysis = Analyse
pearls-application = Application
pearls-summary-title = Synthèse
pearls-reactions-prompt = Comment vous sentez-vous après ce cas ? Qu'est-ce qui vous a surpris, gêné, rassuré ?
pearls-concluded-correct = Table { $table } : a conclu « { $conclusion } » (identification à { $time }). Demandez quel indice a fait basculer la table.
pearls-concluded-wrong = Table { $table } : a conclu « { $conclusion } ». Demandez ce qui a conduit à cette lecture et ce qui manquait.
pearls-concluded-none = Table { $table } : aucune conclusion adoptée. Demandez où la discussion s'est arrêtée.
pearls-breach = Table { $table }, { $time } : partage hors de ce que la loi permet, de : { $from }, à : { $to }, au titre de « { $frame } ». Ce qui a été partagé : { $what } Demandez ce qu'ils ont pesé.
pearls-decision-none = Aucune table n'a pris « { $decision } » dans les temps. Demandez ce qui a retenu la décision.
pearls-decision = « { $decision } » : { $nlate ->
    [0] {""}
   *[other] prise en retard ({ $late }).
} { $nmissing ->
    [0] {""}
   *[other] jamais prise ({ $missing }).
} Demandez ce qui a retenu la décision.
pearls-key-share = « { $clue } » n'est jamais parvenu à { $to } { $count ->
    [one] dans { $count } table
   *[other] dans { $count } tables
} sur { $of }. Demandez qui le savait et ce qui a empêché de le transmettre.
pearls-trap = Le piège « { $clue } » a pris { $count ->
    [one] { $count } table
   *[other] { $count } tables
} sur { $of }. Demandez ce qui le rendait convaincant.
pearls-category = Catégorie « { $category } » : minimum non atteint dans { $count ->
    [one] { $count } table
   *[other] { $count } tables
} sur { $of }. Demandez quels indices de cette catégorie étaient disponibles.
pearls-teaching = « { $point } » ({ $tables }) : demandez comment cela se passerait dans votre service.
pearls-summary = { $solved ->
    [one] { $solved } table sur { $of } a identifié
   *[other] { $solved } tables sur { $of } ont identifié
} la situation ; { $breaches ->
    [0] aucun partage
    [one] { $breaches } partage
   *[other] { $breaches } partages
} hors du cadre légal. Demandez à chacun un point à garder pour sa pratique.
report-tables = { $count ->
    [one] une table
   *[other] { $count } tables
}
report-from = De
report-to = À
report-frame = Cadre (informations)
report-verdict = Verdict
report-bases = Les bases légales des verdicts
report-bases-none = Aucun partage n'a reçu d'autre verdict que « autorisé ».
report-person-role = { $role }, table { $table }
report-my-decisions = Mes décisions
report-my-shares = Mes partages
report-none = Aucun.
report-remember = Les points à retenir
report-opened = Rapport { $file } ouvert dans le navigateur (dossier des journaux).
room-pearls-fold = Questions du débriefing (PEARLS)
report-written = Rapport écrit dans { $file }.
host-write-report = Ouvrir le rapport de l'atelier (HTML)
pearls-wait = Les questions du débriefing structuré comparent les tables : elles s'affichent quand toutes ont terminé ({ $ended } sur { $count }).
projector-expected = Conclusion attendue : { $conclusion }
projector-legend = Vert ✓ : minimum de la catégorie atteint · orange ⚠ : pas atteint · « 7/3 » : poids réuni / minimum
trainer-sent = Envoyé à cette table
trainer-sent-inject = { $time } · événement déclenché : { $inject }
trainer-sent-hint = { $time } · indice pour : { $to } — { $text }
room-all-tables = Toutes les tables
room-start-table = Démarrer cette table
room-projector-close = Fermer le projecteur
room-projector-open = Ouvrir le projecteur
room-start = { $count ->
    [0] Aucune table en attente
    [one] Démarrer la table en attente
   *[other] Démarrer les { $count } tables en attente
}
room-pause = { $count ->
    [one] Mettre en pause la table en cours
   *[other] Mettre en pause les { $count } tables
}
room-resume = { $count ->
    [one] Reprendre la table en pause
   *[other] Reprendre les { $count } tables
}
room-next = Phase suivante partout
room-end = Terminer l'atelier
room-keep-names = Garder les noms des stagiaires dans l'archive
room-archive = Archiver l'atelier
room-archived = Atelier archivé sous le numéro { $id } ({ $names }).
room-archived-names = noms gardés
room-archived-pseudonyms = noms remplacés par des pseudonymes
room-waiting = En attente d'une place ({ $count })
room-waiting-none = Personne n'attend : les stagiaires qui rejoignent apparaissent ici.
room-seat-how = Choisissez une personne, puis une place libre ci-dessous.
room-free = Places libres ({ $count })
room-free-none = Aucune place libre : au démarrage, les places encore libres vont aux robots.
table-short = T{ $n }
room-give-bot = Confier ce rôle à un robot
room-held = Places à reprendre
room-held-how = Ces personnes ont perdu la connexion. Si elles reviennent sur un autre ordinateur, choisissez-les dans la liste d'attente puis leur place.
room-open-table = Ouvrir
room-phase = Phase { $n }/{ $of }
room-coverage = Faisceau : { $covered }/{ $of } catégories
room-adopted = Conclusion adoptée : { $conclusion }
room-adopted-wrong = Conclusion adoptée, différente de l'attendue : { $conclusion }
room-proposal = Proposition : { $conclusion } — attend : { $waiting }
room-proposal-wrong = Proposition (différente de l'attendue) : { $conclusion } — attend : { $waiting }
room-idle = Rien depuis { $minutes } min
room-stuck = { $count } propositions rejetées
room-next-title = Passer à la phase suivante sur { $count ->
    [one] la table en cours
   *[other] les { $count } tables en cours
} ?
room-next-body = Chaque table passe à sa phase suivante, quelle que soit la phase où elle en est. Une table à sa dernière phase se termine.
room-end-title = Terminer { $count ->
    [one] la table encore ouverte
   *[other] les { $count } tables encore ouvertes
} ?
room-end-body = Les séances s'arrêtent pour tout le monde et les débriefings s'ouvrent. Plus aucune action, aucun partage ni aucun vote ne sera possible. Le journal garde tout.
room-end-yes = Terminer l'atelier
console-next-body = Le temps avance pour toute la table. Ce que ses membres n'ont pas fait dans cette phase ne pourra plus l'être dans les mêmes conditions.
console-end-title = Terminer la séance de cette table ?
console-end-body = La séance s'arrête pour toute la table et le débriefing s'ouvre. Plus aucune action, aucun partage ni aucun vote ne sera possible.
console-solution-title = Afficher la solution sur cette console ?
console-solution-body = La solution et tous les indices s'affichent ici, et jamais sur la fenêtre projecteur. Si votre écran est dupliqué sur le projecteur, la salle la verra : passez d'abord en affichage étendu.
console-solution-yes = Afficher la solution
trainer-solution-private = La solution ne s'affiche jamais au projecteur.
report-pseudonym = Stagiaire { $n }
archive-empty = L'archive ne contient encore aucun atelier.
archive-list-header = Numéro | Date | Atelier | Cas | Tables | Noms
archive-tables-solved = { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
}, { $solved ->
    [one] { $solved } résolue
   *[other] { $solved } résolues
}
archive-names-kept = noms gardés
archive-pseudonyms = pseudonymes
archive-id = Numéro :
archive-breach-line = { $count ->
    [one] { $count } manquement
   *[other] { $count } manquements
} au secret par « { $frame } »
archive-no-report = Le rapport n'a pas été gardé (atelier importé d'une autre archive avec des noms).
archive-show-html = Le rapport complet : faisceau archive show NUMÉRO --html rapport.html
archive-stats-head = { $workshops ->
    [one] { $workshops } atelier
   *[other] { $workshops } ateliers
}, { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
} : { $solved ->
    [one] { $solved } résolue
   *[other] { $solved } résolues
} ({ $rate } %), { $correct } avec la conclusion attendue
archive-stats-time = Temps jusqu'à l'identification : de { $low } à { $high }, médiane { $median }
archive-stats-breaches = Manquements au secret, par cadre
archive-stats-traps = Fausses pistes, par nombre de tables prises
archive-stats-late = Décisions prises en retard
archive-stats-missing = Décisions jamais prises
archive-tally = { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
} sur { $of } ({ $count } fois)
archive-stats-title = Statistiques de l'archive Faisceau
archive-stats-intro = Calculées sur { $count ->
    [one] { $count } atelier archivé
   *[other] { $count } ateliers archivés
}, sans aucun nom de stagiaire.
archive-stats-outcome = Issue des tables
archive-chart-solved = Cas résolu (conclusion et faisceau)
archive-chart-correct = Conclusion attendue adoptée
archive-chart-legend = Chaque barre compte les tables concernées, sur toutes les tables qui ont joué ce cas.
archive-kept = Atelier archivé sous le numéro { $id } ({ $names }) dans { $file }.
archive-kept-again = Atelier déjà archivé sous le numéro { $id } : son entrée est remplacée ({ $names }).
archive-forgotten = Atelier { $id } supprimé de l'archive.
archive-journal-deleted = Journal supprimé : { $file }
archive-journal-kept = Journal introuvable, rien d'autre à supprimer : { $file }
archive-imported = { $added ->
    [one] { $added } atelier ajouté
   *[other] { $added } ateliers ajoutés
}, { $skipped ->
    [one] { $skipped } déjà présent
   *[other] { $skipped } déjà présents
}.
archive-not-found = Aucun atelier ne porte le numéro « { $id } » : « faisceau archive list » les donne.
room-bots = { $count ->
    [one] 1 robot
   *[other] { $count } robots
}
room-free-seats = { $count ->
    [one] 1 place libre
   *[other] { $count } places libres
}
room-at-table = À la table { $n }
projector-here = Déjà là : { $count }
projector-no-seat-yet = Sans place encore :
projector-nobody-yet = Les noms s'affichent ici dès que chacun rejoint.
projector-phase = Phase
projector-phases-differ = Les tables en sont à des phases différentes
projector-elapsed = Temps de l'atelier : { $elapsed } écoulées sur les { $planned } prévues pour ce cas
projector-bundle = Faisceau : { $met ->
    [one] { $met } catégorie
   *[other] { $met } catégories
} sur { $of }
graph-other = Autres
graph-legend = Une flèche par sens entre deux rôles ; le nombre dans la pastille : les informations transmises. Couleur : le verdict le plus sévère de ces partages. Les rôles sont rangés par famille professionnelle.
timeline-title = Chronologie
timeline-all = Toute la table
timeline-trainer = Formateur
timeline-action = a mené : { $action }
timeline-learned = a appris : { $clue }
timeline-sent = a partagé { $count ->
    [one] { $count } information
   *[other] { $count } informations
} avec { $to } au titre de « { $frame } » ({ $verdict })
timeline-received = a reçu { $count ->
    [one] { $count } information
   *[other] { $count } informations
} de { $from }
timeline-decided = a décidé : { $decision }
timeline-proposed = a proposé la conclusion : { $conclusion }
timeline-endorsed = a soutenu la proposition n° { $number }
timeline-rejected = a rejeté la proposition n° { $number } : « { $reason } »
timeline-note = Note d'observation : { $text }
timeline-key = Les moments clés
timeline-every-step = Montrer chaque étape (actions, informations apprises et reçues)
projector-row-conclusion = Conclusion
projector-row-time = Identification
projector-row-decisions = Décisions à temps
projector-row-key-shares = Partages clés
projector-row-breaches = Violations du secret
projector-expected-one = attendue
projector-none = aucune
projector-of = { $done } sur { $of }
timeline-rejected-plain = a rejeté la proposition n° { $number }
room-coverage-line-free = { $category } : poids { $weight } (pas de minimum pour cette catégorie)
room-coverage-line = { $category } : { $weight } pour un minimum de { $required }
check-roles = { $count ->
    [one] { $count } rôle
   *[other] { $count } rôles
}
check-clues = { $count ->
    [one] { $count } indice
   *[other] { $count } indices
}
check-actions = { $count ->
    [one] { $count } action
   *[other] { $count } actions
}
check-decisions = { $count ->
    [one] { $count } décision
   *[other] { $count } décisions
}
check-warnings = { $count ->
    [one] { $count } avertissement
   *[other] { $count } avertissements
}
check-errors = { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
}
check-files = { $count ->
    [one] { $count } fichier vérifié
   *[other] { $count } fichiers vérifiés
}
check-professions = { $count ->
    [one] { $count } profession
   *[other] { $count } professions
}
check-kinds = { $count ->
    [one] { $count } catégorie d'information
   *[other] { $count } catégories d'information
}
check-acts = { $count ->
    [one] { $count } acte
   *[other] { $count } actes
}
check-frames = { $count ->
    [one] { $count } cadre
   *[other] { $count } cadres
}
check-points = { $count ->
    [one] { $count } point
   *[other] { $count } points
}
check-case-ok = ✓ { $file } — { $title }
check-case-counts = { $roles }, { $clues }, { $actions }, { $decisions } ; langues : { $languages } ; { $warnings }
check-case-rulebook = référentiel : { $rulebook } ({ $file }), droit à jour au { $date }
check-failed = ✗ { $file } : { $errors }, { $warnings }
check-rulebook-read = référentiel lu : { $file }
check-summary = { $files } : { $ok } sans erreur, { $failed } avec des erreurs
check-suite-ok = ✓ { $file } — suite de verdicts : { $shares } partages jugés comme attendu par { $rulebook }
check-rulebook-ok = ✓ { $file } — référentiel { $name }
check-rulebook-counts = { $professions }, { $kinds }, { $acts }, { $frames } ; droit à jour au { $date } ; { $points } à confirmer par un juriste
check-solvable = soluble : { $solvable } ; accessibles : { $clues }, { $actions }, { $decisions }
check-yes = oui
check-no = non
check-bundle = faisceau (accessible/exigé) : { $bundle }
check-role-reach = indices par rôle (propres + transmis) : { $reach }
check-no-file = aucun fichier .ron trouvé
report-moments-legend = Les partages semblables d'un même rôle sont regroupés sur une ligne ; les partages autorisés figurent dans le graphe.
report-moments-none = Aucun partage contestable, aucune proposition, aucune décision en retard.
report-moment-shares = { $shares ->
    [one] un partage
   *[other] { $shares } partages
} au titre de « { $frame } » vers { $to } ({ $count ->
    [one] { $count } information
   *[other] { $count } informations
}) : { $verdict }
report-moment-late = a décidé après l'échéance ({ $deadline }) : { $decision }
report-moment-missed = n'a pas pris la décision attendue : { $decision }
report-table-continued = Table { $n } (suite)
report-quoted = « { $text } »
report-moment-rejected = { $count ->
    [one] a rejeté
   *[other] ont rejeté
} la proposition n° { $number }
report-moment-why = { $what } : { $reasons }
report-moment-rejected-by = rejetée par { $roles }

# L'aperçu auteur : la carte du cas et les chiffres de chaque sauvegarde.
preview-tab-play = Jouer le cas
preview-tab-map = Carte et chiffres
author-studying = Vérification et simulation de la sauvegarde n° { $number }…
author-version = Version n° { $number }, lue à { $at }
author-solvable = cas résoluble
author-unsolvable = le cas n'est pas résoluble
author-runs = { $runs } parties simulées (graine { $seed }) : les mêmes tables de robots jouent chaque version, un écart vient donc de la modification.
author-broken = La sauvegarde n° { $number } ({ $at }) ne se charge pas. Corrigez-la et enregistrez de nouveau ; les chiffres affichés restent ceux de la version n° { $kept }.
author-broken-first = La sauvegarde n° { $number } ({ $at }) ne se charge pas. Corrigez-la et enregistrez de nouveau.
author-unreadable = Le fichier du cas ne peut pas être lu : { $reason }
author-changes = Ce que la dernière sauvegarde a changé
author-figures = Chiffres de cette version
author-first-hint = Modifiez le cas ou son référentiel dans votre éditeur et enregistrez : la nouvelle version est vérifiée et simulée, et ses chiffres s'affichent ici à côté de ceux-ci. Ce qui a bougé apparaît en couleur.
author-column-version = n° { $number }
author-outcomes = Issues
author-solved = Résolues (conclusion et faisceau)
author-right-conclusion = Bonne conclusion
author-wrong-conclusion = Mauvaise conclusion
author-runs-with-breach = Parties avec une faute
author-breaches-per-run = Fautes par partie
author-clues-found = Indices trouvés
author-key-shares = Partages clés : parvenus
author-decisions-in-time = Décisions : à temps
author-traps-caught = Pièges : tombés dedans
author-share-trap = { $id } (partage)
author-injects-fired = Événements : déclenchés
author-column-change = Écart
author-moved = { $count ->
    [0] Aucun chiffre n'a bougé.
    [one] Un chiffre a bougé.
   *[other] { $count } chiffres ont bougé.
}
author-new = nouveau
author-gone = retiré
author-warnings = Avertissements de la vérification
author-no-warning = La vérification ne signale rien.
author-bundle = Minimums du faisceau
author-zoom-in = Agrandir
author-zoom-out = Réduire
author-zoom-fit = Ajuster à la largeur
author-print = Pour imprimer la carte (A3 paysage) : faisceau map { $file } --html carte.html
author-decision-hint = Exige : { $requires } · échéance : { $deadline } · détenue par : { $holders }
