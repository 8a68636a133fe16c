app-title = Faisceau
app-tagline = Repérer ensemble les mineurs victimes d'exploitation et de traite
lang-name = Français

# Launcher
launcher-practise = S'exercer sur un cas
launcher-host = Animer un atelier
launcher-join = Rejoindre un atelier
launcher-author = Aperçu auteur
launcher-settings = Langue et affichage
launcher-network-soon = L'animation et la participation en réseau arrivent avec la prochaine version : pour l'instant, s'exercer seul ou en aperçu auteur.
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
picker-next-step = Lisez l'avertissement, puis choisissez votre rôle : des bots joueront les autres.

# Role card
card-mission = Mission
card-powers = Vos décisions possibles
card-secrecy = Secret et partage
card-budget = Temps de travail par phase : { $hours }
card-begin = J'ai lu ma fiche, commencer
card-no-powers = Aucune décision propre : votre force est ce que vous savez et partagez.

# Desk
desk-phase = { $phase } ({ $index }/{ $count })
desk-time-left = Temps restant dans la phase : { $time }
desk-waiting = La séance n'a pas commencé : lisez votre fiche.
desk-paused = Table en pause.
desk-ended = Séance terminée.
desk-next-step = Prochaine étape : { $hint }
hint-act = menez une action pour découvrir des informations.
hint-tag = classez vos informations dans votre faisceau d'indices.
hint-share = partagez ce que la loi permet avec les rôles qui en ont besoin.
hint-decide = une décision vous est ouverte.
hint-answer = une proposition de conclusion attend votre réponse.
hint-wait = votre temps de phase est écoulé : attendez la phase suivante.
tab-file = Dossier
tab-actions = Actions
tab-share = Partager
tab-inbox = Reçu
tab-decisions = Décisions
tab-conclusion = Conclusion
tab-messages = Messages
file-empty = Vous ne savez encore rien de plus que votre fiche. Menez une action.
file-learned = appris à { $time }
file-from = reçu de { $role } ({ $channel })
file-discovered = découvert par vous
file-tags = Indicateurs
file-add-tag = Ajouter au faisceau :
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
share-channel = 3. Par quel canal
share-purpose = 4. Dans quel but
share-verdict = Ce que dit le cadre légal
share-send = Partager
share-send-breach = Partager malgré la violation du secret
share-confirm-breach = Je comprends que ce partage viole le secret et qu'il sera relevé au débriefing.
share-nothing = Choisissez au moins une information et un destinataire pour voir le verdict.
share-strict = Seul le strict nécessaire peut être partagé.
inbox-empty = Rien reçu pour l'instant.
inbox-from = De { $role }, par { $channel }, à { $time }
decisions-none = Votre profession ne prend pas de décision propre dans ce cas.
decisions-take = Décider
decisions-taken = Décisions prises à la table
conclusion-propose = Proposer une conclusion à la table
conclusion-choose = Conclusion
conclusion-orientation = Orientation
conclusion-reason = Pourquoi (vos indices)
conclusion-submit = Proposer
conclusion-open = Proposition de { $role } : { $conclusion }
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
channel-secret-partage = Secret partagé
channel-information-preoccupante = Information préoccupante (CRIP)
channel-signalement = Signalement au procureur
channel-requisition = Réquisition judiciaire
channel-hearing = Audition, audience
channel-informal = Conversation informelle
purpose-evaluate = Évaluer la situation
purpose-protect = Protéger
purpose-investigate = Enquêter
purpose-coordinate = Se coordonner

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
trainer-hint = Envoyer un indice
trainer-hint-to-all = À toute la table
trainer-notes = Notes d'observation
trainer-progress = Avancement de la table
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
debrief-time = Identification à { $time } de temps de scénario
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
debrief-key-shares = Partages clés
debrief-reached = parvenu
debrief-not-reached = jamais parvenu
debrief-breaches = Violations du secret : { $count }

# Overlays
reload-error = Le fichier du cas contient une erreur : la dernière version valide reste en jeu.
reload-breaks = Le cas a changé d'une façon incompatible avec la partie en cours : { $reason }
reload-restart = Recommencer avec la nouvelle version
reload-applied = Nouvelle version du cas chargée.
