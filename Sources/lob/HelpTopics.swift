/// `lob help ONDERWERP`: what an installed user needs to know beyond one command's help, so that nothing a user
/// reads points to a file of the repository. The texts follow docs/*.md, which are for developers and keep the
/// details; lines stay within 80 columns (`HelpTests` checks).
enum HelpTopics {
    static let topics: [(name: String, summary: String, text: String)] = [
        ("scanbestand", "een scan invullen zonder terminal: het bestand", scanFile),
        ("formulier", "de scan in de browser: lob form", form),
        ("enquete", "antwoorden uit Forms of LimeSurvey: lob import survey", survey),
        ("feedback", "360°-feedback van collega's en je leidinggevende", feedback),
        ("webdienst", "een scanronde in de browser: lob serve", serve),
        ("privacy", "wie wat ziet: met naam, anoniem, privé", privacy),
        ("catalogus", "scholingsvormen met uren, kosten en effect", catalogue),
        ("logboek", "je plan bijhouden: gedaan, je reactie, je doelen", logbook),
        ("evaluatie", "heeft de scholing gewerkt? Kirkpatrick per schooljaar", evaluation),
        ("schoolscan", "het bestand van de schoolscan", schoolScan),
        ("csv", "CSV voor Nederlandse Excel of voor scripts", csv),
        ("aanvullen", "aanvullen met Tab in bash, zsh en fish", completion),
    ]

    /// The topic's text, or nil when there is no such topic (then `help` is the argument parser's own).
    static func text(_ name: String) -> String? {
        topics.first { $0.name == name.lowercased() }.map { $0.text + "\n" }
    }

    /// The list for `lob --help`.
    static var list: String {
        topics.map { "  lob help \($0.name.padded(to: 12)) \($0.summary)" }
            .joined(separator: "\n")
    }

    static let logbook = """
        HET LOGBOEK VAN JE SCHOLINGSPLAN

        Wat je van je plan (lob plan) gedaan hebt, houd je bij in je logboek:

          lob plan progress                 # gepland tegen gedaan, met nummers
          lob plan done 2 --date 2026-12-10 # activiteit 2 van je plan gedaan
          lob plan done 1 --hours 4 --cost 0          # ging anders dan gepland
          lob plan done --form intervisie --goal 2    # stond niet in je plan
          lob plan react 1                  # je reactie: twee vragen, 1 t/m 5
          lob plan remove-activity 3        # per ongeluk ingevoerd

        Je reactie (Kirkpatrick niveau 1): "Ben je tevreden over deze
        activiteit?" (1 zeer ontevreden … 5 zeer tevreden) en "Denk je met het
        geleerde aan de slag te kunnen?" (1 zeker niet … 5 zeker wel), met een
        opmerking als je wilt. De vijfpuntsschaal is een standaard van
        LOB-spiegel; de bron geeft de vragen, geen schaal.

        Liever in de browser? Een pagina met de activiteiten die op je reactie
        wachten; ze werkt offline en verstuurt niets:

          lob plan react --out reacties.html      # de pagina (alleen voor jou)
          lob plan react --file reacties-jan-de-vries-2026-12-12.yaml

        Wat je daar downloadt, lees je in je eigen logboek in: alle reacties,
        of geen als er één niet klopt (met bestand en regel).

        Het geleerde (niveau 2): scan jezelf opnieuw (lob scan) na je plan;
        'lob plan progress' zet dan per doel je scores van toen en nu naast
        elkaar: bereikt als elk gedragskenmerk van het doel op zijn doelniveau
        staat, en hoeveel niveaus het gat dichter ging.

        Gedrag (niveau 3): 6 tot 12 weken na de laatste activiteit voor een
        doel vraag je collega's en je leidinggevende om een vervolgmeting op
        alleen de gedragskenmerken van je doelen:

          lob plan follow-up                # wanneer, per doel
          lob plan follow-up --out vervolg.html   # het formulier
          lob feedback import vervolg/      # wat terugkomt

        'lob plan progress' zet de vervolgmeting naast je eerste 360°-feedback.

        Aan het eind van het schooljaar lever je het in bij de school:

          lob export logbook --consent anoniem --out logboek.yaml

        Erin staan je activiteiten, je twee antwoorden en per doel of het
        bereikt is en wat anderen zagen veranderen; je opmerkingen niet. De
        school telt het alleen als groep (lob help evaluatie); je naam bewaart
        ze alleen met --consent metNaam.
        """

    static let evaluation = """
        DE EVALUATIE VAN DE SCHOOL

        Heeft de professionalisering gewerkt? De vier niveaus van Kirkpatrick:
        1 reacties, 2 het geleerde, 3 gedrag, 4 resultaat.

          lob evaluation import logboeken/        # de logboeken van docenten
          lob evaluation indicators res.csv --year 2026-2027   # niveau 4
          lob evaluation --budget 25000           # het verslag
          lob evaluation --format csv --out evaluatie.csv

        Het verslag geeft per vorm van professionalisering, per leervoorkeur en
        voor de hele school: docenten, uren, besteed, tevredenheid en 'aan de
        slag' (niveau 1), het deel van de doelen bereikt (niveau 2), wat een
        bereikt doel kostte en wat anderen zagen veranderen (niveau 3);
        daarnaast de indicatoren en schoolscans van dit jaar en het jaar
        ervoor (niveau 4).

        Het volgende budget kan rekenen met wat een vorm liet zien in plaats
        van de aanname uit de catalogus:

          lob budget --budget 25000 --effects-from 2026-2027

        Het verslag zegt per vorm welk effect het gebruikte: gemeten of
        aanname.

        Privacy: elk cijfer is van een groep van minstens 3 docenten, ook als
        iemand met naam inleverde. Een groep die na een nieuw logboek met minder
        dan 3 docenten verschilt van wat eerder getoond werd, of die naast
        andere cijfers iets over één docent zou zeggen, blijft leeg en zegt
        waarom. Een gemiddelde of deel waaruit ieders antwoord blijkt, ook.

        De indicatoren (CSV, Excel mag): kolommen indicator, waarde, eenheid en
        bron, bijvoorbeeld:

          indicator;waarde;eenheid;bron
          Leerlingen (zeer) tevreden over loopbaanbegeleiding;78;%;enquête
        """

    static let scanFile = """
        HET SCANBESTAND

        Eén bestand per scan, YAML (of JSON), met de hand of door 'lob scan' gemaakt.
        'lob scan --answers BESTAND' leest het in, 'lob team import' ook.

          formatVersion: 1
          teacher: Jan de Vries               # je naam
          team: Bouwtechniek bovenbouw        # mag weg
          profile: loopbaanbegeleider-vmbo    # zie: lob profiles list
          date: 2026-11-24                    # JJJJ-MM-DD
          consent: anoniem                    # prive, anoniem of metNaam
          portraitPosition: 4                 # 0 traditionele vakdocent … 10
                                              # vakdocent als loopbaanbegeleider
          learningPreference:
            chosen: oefenen                   # kunstAfkijken, participeren,
                                              # kennisVerwerven, oefenen, ontdekken
          scores:
            "1.1": 3                          # 1 nog niet … 4 altijd
            "1.2": {score: 2, note: "een voorbeeld of bewijsstuk"}
            "1.3": null                       # niet beantwoord

        Delen (consent): prive = alleen voor jezelf (de standaard); anoniem =
        telt zonder naam mee in de teamcijfers; metNaam = de teamvoorzitter ziet
        je scores met je naam. Notities gaan nooit mee naar het team.

        De schaal (van LOB-spiegel; de bronnen geven er geen): 1 nog niet,
        2 soms / in ontwikkeling, 3 meestal / bekwaam, 4 altijd / kan het anderen
        leren. Een fout wordt gemeld met bestand, regel en wat er verwacht werd;
        dan wordt niets opgeslagen.
        """

    static let form = """
        DE SCAN IN DE BROWSER

        'lob form --team "Bouwtechniek bovenbouw" --out zelfscan.html' maakt de
        zelfscan als één HTML-bestand. Mail het je collega's of zet het op het
        intranet: het bevat geen persoonlijke gegevens, laadt niets van internet
        en verstuurt niets.

        Een collega opent het in een browser (ook op een telefoon), vult zijn
        naam en zijn keuze voor delen in (privé, anoniem of met naam), leest de
        twee portretten, scoort de gedragskenmerken en doet de leervoorkeurcheck.
        Elk antwoord blijft in zijn browser bewaard: sluit hij het tabblad, dan
        gaat hij de volgende keer verder waar hij was. Aan het eind ziet hij zijn
        samenvatting (afdrukbaar) en downloadt hij zijn scanbestand.

        Dat bestand geeft hij aan jou; je leest alle bestanden in met
          lob team import ingeleverd/ --team "Bouwtechniek bovenbouw"
        Hij kan het ook zelf inlezen met 'lob scan --answers BESTAND'.
        Met 'Wis je antwoorden uit deze browser' haalt hij ze van een gedeelde
        computer.
        """

    static let survey = """
        ANTWOORDEN UIT EEN ENQUÊTE

        Gebruikt je team al Microsoft Forms, Google Forms of LimeSurvey? Dan kan
        de scan daar. 'lob import survey --template --out mapping.yaml' geeft de
        vragen en antwoorden om de enquête mee te maken, en meteen de mapping:
        welke kolom welke vraag is en welk antwoord welk niveau.

        Exporteer de antwoorden (CSV, ook uit Nederlandse Excel met puntkomma's,
        of .xlsx uit Microsoft Forms) en lees ze in:
          lob import survey export.xlsx --mapping mapping.yaml --team Bouw --dry-run
        --dry-run laat zien wat er opgeslagen zou worden; zonder --dry-run wordt
        het opgeslagen. Een foute rij wordt gemeld met haar rijnummer en kolom;
        dan wordt niets opgeslagen, tenzij je --skip-bad geeft. Daarna gelden de
        regels van 'lob team import': privé wordt niet opgeslagen, anoniem zonder
        naam.

        Heb je al een enquête? Zet in de mapping de kolomkoppen van je eigen
        export. Hoofdletters, accenten en dubbele spaties tellen niet mee.
        """

    static let feedback = """
        360°-FEEDBACK

        Collega's en je leidinggevende beoordelen jou op de gedragskenmerken van
        je profiel, met dezelfde schaal als je zelfscan. Elk vult een
        feedbackbestand in:

          formatVersion: 1
          response: "r-8f3a2c1d"          # willekeurig: noemt niemand
          feedbackFor: "Jan de Vries"     # wie beoordeeld wordt
          group: collega                  # collega of leidinggevende
          profile: loopbaanbegeleider-vmbo
          date: 2026-12-01
          ratings:
            "1.1": 3                      # 1 nog niet … 4 altijd
            "1.2": null                   # kan ik niet beoordelen
          remarks:
            "1": "een opmerking bij competentie 1"

        'lob feedback import MAP' leest ze in; 'lob feedback report' zet je
        zelfbeeld naast dat van anderen: blinde vlekken (jij ziet jezelf
        duidelijk hoger), verborgen sterktes (anderen zien je hoger) en waar je
        beoordelaars het eens zijn.

        Collega's tellen alleen mee als groep van minstens drie die een
        gedragskenmerk beoordeelden; een groep die sinds een eerder overzicht
        met minder dan drie collega's veranderde, wordt niet getoond. Het
        bestand noemt nooit de beoordelaar.

        Voor de teamvoorzitter: 'lob team feedback' toont per gedragskenmerk
        waar het zelfbeeld van het team en het beeld van collega's het meest
        verschillen. Elk cijfer gaat over minstens de privacydrempel aan
        teamleden, ook als die hun scan met naam deelden.
        """

    static let serve = """
        EEN SCANRONDE IN DE BROWSER: LOB SERVE

        Voor een school die een kleine webdienst kan draaien. Eenmalig een
        inlog voor de teamvoorzitter (het wachtwoord wordt gevraagd):

          lob serve account --team "Bouwtechniek bovenbouw" --login voorzitter
          lob serve --url https://lob.school.nl --trust-proxy

        Een ronde openen, op het dashboard of zo:

          lob team round open --team "Bouwtechniek bovenbouw" \\
            --round "voorjaar 2027" --invite namen.txt --out links.csv

        Ieder krijgt één persoonlijke link; de links worden maar één keer
        getoond (alleen een hash wordt bewaard). Bij zijn eerste bezoek kiest
        de collega een eigen code: daarna opent de link zijn scan alleen in
        zijn browser of met die code, dus ook niet voor wie de links maakte.
        Elk antwoord wordt meteen op de server bewaard; aan het eind kiest de
        collega wie zijn scan mag zien en levert hij in. Het dashboard toont
        per ronde hoeveel er zijn uitgenodigd, begonnen en klaar, nooit wie wat
        koos, met het teamoverzicht en het teamplan volgens dezelfde
        privacyregel.

        Met de mailserver van de school ziet niemand de links: geef in de
        lijst achter elke naam een adres (Naam <adres>) en mail ze.

          export LOB_SMTP=smtp://lob@mail.school.nl LOB_MAIL_FROM=lob@school.nl
          export LOB_SMTP_PASSWORD=...
          lob team round open --team "Bouwtechniek bovenbouw" \\
            --round "voorjaar 2027" --invite team.csv --mail

        Https, een systemd-dienst, mail en back-ups: docs/serve.md.
        """

    static let privacy = """
        DE PRIVACYREGEL

        Wie met naam deelt, staat met naam in het teamoverzicht. Wie anoniem deelt,
        telt alleen mee in groepscijfers, en alleen als groep van minstens de
        privacydrempel (standaard 3, nooit minder). Die groep moet bovendien van
        elke groep die eerder in dezelfde ronde werd getoond, verschillen in geen
        of in minstens de drempel van scans: anders laat het verschil tussen twee
        overzichten zien wat die paar collega's invulden. Waar dat niet lukt,
        tellen alleen de antwoorden met naam mee en zegt het overzicht waarom.
        Geen cijfer gaat over minder mensen dan de drempel.

        Een privé-scan telt nergens mee, en een nieuwere privé-scan trekt alle
        eerdere scans van die collega uit het team terug. De nieuwste scan beslist:
        wie na een scan met naam anoniem deelt, staat nergens meer met naam, ook
        niet in de geschiedenis. Het overzicht van alle teams en het
        scholingsbudget gebruiken precies de cijfers van de teamoverzichten; een
        team dat zelf niets toont, telt daar ook niet mee.

        De drempel: lob team threshold N --team NAAM (3 tot 1000).
        Wat er van iemand bewaard is: lob team members NAAM.
        Iemand helemaal verwijderen: lob team remove-member "NAAM" --team NAAM.
        """

    static let catalogue = """
        DE CATALOGUS VAN SCHOLINGSVORMEN

        De bronnen noemen de vormen van professionalisering, maar geen uren,
        kosten of effect. LOB-spiegel heeft een voorbeeldcatalogus met
        voorbeeldbedragen (geen offertes); elk plan dat hem gebruikt, zegt dat.
        Een school maakt een eigen catalogus en gebruikt die zo (de eerste die
        past):
          1. lob plan --costs BESTAND   (ook: team plan, budget)
          2. een regel 'costs: BESTAND' in het profiel van de school
          3. de voorbeeldcatalogus
        Controleer een catalogus met: lob plan --costs BESTAND --check

        Per vorm: naam, uren per deelnemer, kosten per deelnemer of per groep,
        de grootte van een groep, het aantal niveaus dat een deelnemer stijgt
        (effect) en de leervoorkeuren waar de vorm bij past. Fouten worden gemeld
        met bestand, regel en reden; dan wordt niets geschreven.
        """

    static let schoolScan = """
        HET BESTAND VAN DE SCHOOLSCAN

        Per aspect (1 tot en met 12) welk model beschrijft hoe het op school
        werkelijk gaat (current), en waar de school heen wil (wished, mag weg).
        Modellen: model1 de vakkenschool, model2 de activerende school, model3 de
        flexibele school. De beschrijvingen staan in 'lob framework'.

          formatVersion: 1
          school: Het Baken
          date: 2026-11-20
          schoolYear: 2026-2027               # mag weg: het schooljaar van date
          aspects:
            1: {current: model2, wished: model3}
            2: {current: model2}
            # … tot en met 12

        Inlezen: lob schoolscan --answers BESTAND. Eén schoolscan per schooljaar:
        opnieuw inlezen vervangt die van dat jaar.
        """

    static let csv = """
        CSV

        --format csv (teamoverzicht, overzicht van alle teams, budget) maakt
        standaard een bestand dat Nederlandse Excel met een dubbelklik goed opent:
        puntkomma's tussen de velden, een decimale komma, UTF-8 met BOM, en ids
        als ="2.10" zodat Excel er geen datum of getal van maakt.

        Voor scripts: --csv-dialect rfc4180 (komma's, decimale punt, geen BOM).
        """

    static let completion = """
        AANVULLEN IN DE SHELL

        lob kan zijn commando's, opties en bestandsnamen laten aanvullen met Tab.
          bash:  lob --generate-completion-script bash > ~/.lob-completion.bash
                 echo 'source ~/.lob-completion.bash' >> ~/.bashrc
          zsh:   lob --generate-completion-script zsh > ~/.zfunc/_lob
                 (met fpath=(~/.zfunc $fpath) en compinit in ~/.zshrc)
          fish:  lob --generate-completion-script fish \\
                   > ~/.config/fish/completions/lob.fish
        """
}
