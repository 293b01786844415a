"""Help words in the other languages of the neighbourhood, written by hand.

The Dutch word lists in lexicon.py say what a Dutch ad is about; this module adds the same
concepts (same keys: hond, kat, ..., verhuizen) in English ("en"), Turkish ("tr"), Polish
("pl"), Ukrainian ("uk", with the Russian words Ukrainians often type as well), Arabic in
Arabic script ("ar") and Arabic as typed in Latin letters on phones ("ar-latn": Moroccan,
Egyptian and Levantine spellings, digits for letters: 3 = ع, 7 = ح, 2 = ء, 5 = خ, 9 = ق/ص),
and Dutch words the Dutch lists lack ("nl": everyday synonyms, compounds, misspellings).
Nothing here was downloaded or generated: no model weights, no word lists from elsewhere.

Notation, the same in every table:

* A value is a space-separated list of words, written as the language writes them (case,
  diacritics, Arabic letter variants): the engine folds them (tokens.py), so "köpeğ*",
  "KOPEG*" and "kopeg*" are the same entry, and ı/ł are typed as i/l.
* A word ending in "*" is a prefix: it matches every word that starts with it. Prefixes
  carry the inflection of Turkish, Polish, Ukrainian and Arabic ("köpek* köpeğ*" for
  köpeğimi, "psiak*", "собак*", "كلب*" for كلبي). A prefix has at least four letters (three
  in Arabic script) and is chosen so that it does not swallow a common word of another
  meaning in any of the languages (hence no "car*", "kat*", "hond*" (honderd), "verf*"
  (verfrissen), "kran*" (krant), "wtor*"); where a short stem is ambiguous the forms are
  listed one by one instead.
* Words are written without apostrophes (the tokenizer splits on them): "компютер",
  "вязати", "dont".
* Arabic words are listed without the article; the engine strips ال/بال/وال/لل... itself.
  Words that begin with alef + lam (أليف, ألعاب) are kept as written. A word ending in ة
  changes to ت before a suffix (قطة, قطتي), so such words are listed with their common
  suffixed forms instead of as prefixes.

WORDS    {concept: {language: words}}: words that name the help (strong).
WEAK     the same shape: words that hint at a concept but also mean other things ("walk"
         for the dog is weak: it is company too).
STOPWORDS {language: words}: filler that says nothing about the kind of help (function
         words, common verbs and adverbs, the generic "help / need / someone / looking"
         words). No stop word is a help word of the same language.
NEARBY   {language: phrases separated by " | "}: asking for someone close by.
NEGATIONS {language: words} that negate what follows ("niet", "not", "değil", "nie", "не",
         "لا", "mish").
WEEKEND, WEEKDAYS {language: words} for the weekend and for the working days; day names in
         Arabic script keep their article (أحد alone is "someone", اثنين is "two").

This module has no imports and no Django.
"""

from __future__ import annotations

LANGUAGES = ("nl", "en", "tr", "pl", "uk", "ar", "ar-latn")


# Words that name the help: a match is a strong signal.
WORDS: dict[str, dict[str, str]] = {
    "hond": {
        "nl": """honden* hondje* honde hont hondjes uitlaat* uitlater uitlaatster hondenuitlater
            dogwalker dogsitter hondensitter hondenopvang hondenmand hondenvoer hondenpoep
            poepzakje poepzakjes labradoodle chihuahua jackrussell beagle collie bordercollie
            herder keeshond retriever husky bulldog boxer dalmatier spaniel terrier tekkel
            hondenschool puppycursus blaft""",
        "en": """dog dogs doggy doggie doggies puppy puppies pup pups dogwalker dogwalkers
            dogwalking dogsitter dogsitting leash walkies canine labrador poodle terrier spaniel
            retriever dachshund chihuahua beagle collie bulldog kennel barking barks""",
        "tr": """köpek* köpeğ* kuçu kuçukuçu enik tasma* labrador kaniş terrier havlıyor havlamak
            havlama gezdirme kangal buldog husky pitbull dogsitter köpekbakıcı*""",
        "pl": """pies psa psu psem psie psy psów psami psom psach piesek* pieska* piesk* psiak*
            psina* psinka* szczeni* kundel* kundl* smycz* owczar* jamnik* labrador* buldog* pudel
            pudla pudlem szczeka szczekanie szczekać dogsitter""",
        "uk": """собак* собач* пес пса псу псом песик* песика псів цуцен* цуцик* щеня щенят* щенок
            щенка повідець повідц* повідок* вигул* лабрадор* вівчар* пудел* гавка* выгул*
            собачник* собаці""",
        "ar": """كلب* كلاب* جرو جراء جروي نباح ينبح رسن لابرادور هاسكي بودل شيواوا جراوي كلبة كلبتي
            سلوقي""",
        "ar-latn": """kalb kalbi kalbak kalbek kalbna kelb kelbi kelba kalba klab klabi klaab kilab
            kileb jarw jaro jirw chien chiens toutou""",
    },
    "kat": {
        "nl": """katten* katje katjes kattebak kattenbakkorrels kattenluik poesje poesjes poezen*
            kattensitter kattenoppas poezenoppas kittens kattengrit kattenvoer kattenbrokken""",
        "en": """cat cats kitty kitties kitten kittens catsitter catsitting catsit litterbox moggy
            feline tomcat pussycat meow""",
        "tr": """kedi* kedicik pisi pisicik pisiler pisili miyav tekir sarman mırnav kedikumu
            kedimaması kumkabı catsitter yavrukedi""",
        "pl": """kot kota kotu kotem kocie koty kotów kotami kotom kotach kotk* kotek kocur* kociak*
            kocię kocięta kociąt kuweta* kuwety kuwetę żwirek mruczek kici""",
        "uk": """кіт кота коту котом коти котів котам котами котик* кошен* кішк* кицьк* киця кицю
            кошка кошку кошки котенок котёнок котят* котята кішці кошке""",
        "ar": """قطة قطط* قطتي قطتك قطتنا قط هرة هررة بسة بسس بسينة قطو مواء هريرة قطيطة بسبس قطوة
            بسيسة""",
        "ar-latn": """mch qetta 9etta 9ett 9att qett 9tat qtat 2otta otta 2ota 2otat otat qitta
            qutta qittat quttat 9otta bsse bisse bsseine bseine bsayne 2atta hirra minou""",
    },
    "huisdier": {
        "nl": """huisdier* dieren* huisdiertje beestje beestjes konijntje konijnenhok hok kooi
            vogeltje vogelkooi parkieten schildpad goudvis goudvissen fret cavia caviaatje
            hamsters knaagdier knaagdieren vissenkom dierenarts dierenopvang petsitter petsitten
            dierenverzorger""",
        "en": """pet pets petsitter petsitters petsitting petsit animal animals rabbit rabbits bunny
            bunnies guinea hamster hamsters bird birds budgie budgies parrot parakeet canary
            aquarium goldfish tortoise turtle ferret gerbil hutch vets veterinarian""",
        "tr": """evcil* hayvan* kuş kuşum kuşlar* kuşu kuşları kanarya* tavşan* hamster* akvaryum*
            kafes* veteriner* papağan* kaplumbağa* muhabbetkuşu""",
        "pl": """zwierz* królik* chomik* świnka świnki świnkę papug* kanarek kanark* ptak* ptaszek*
            ptaszk* rybk* akwarium* żółw* weteryn* petsitter""",
        "uk": """тварин* улюбленець улюбленця улюбленці кролик* хомяк* хомʼяк* папуг* канарк* пташк*
            птах* птиц* рибк* акваріум* черепах* ветеринар* свинк* животн*""",
        "ar": """حيوان* اليف اليفة أليف أليفة ارنب* أرنب* عصفور* عصافير* طائر طيور ببغاء* كناري
            هامستر سلحفا* بيطري* أقفاص""",
        "ar-latn": """7ayaw* hayaw* 7aywan* haywan* 7ayawen hayawen 7ayawanat hayawanat arnab arnib
            9nina qnina gnina 3asfour 3osfor 3asafir 3sfour bertal tayr teyr tyour babagha kanari
            sla7fa sol7afa fakroun bitari baytari veterinaire hamster""",
    },
    "computer": {
        "nl": """computer* laptop* wachtwoord* internet* digita* smartphone* printer* komputer
            computor kompjoeter laptob computertje laptopje tabletje mobieltje smartfoon simkaart
            inlogcode inlogcodes emailen mailadres emailadres gmail hotmail outlook facebook
            instagram instellingen installatie downloaden uploaden ict digibeet digibeten
            mijnoverheid bankapp appen appje whatsappen zoomen skype facetime phishing spam
            oplader ipadje apparaatje""",
        "en": """comput* laptop* tablet* ipad* iphone* smartph* pc pcs printer* printing scanner
            scanning wifi internet router modem windows macbook chromebook software apps app
            instal* update updates updating password passwords login logging email emails inbox
            gmail outlook digital smartphone phone phones cellphone whatsapp facetime skype
            videocall videocalls website websites browser virus antivirus keyboard tech techie
            gadget gadgets online""",
        "tr": """bilgisayar* laptop* dizüstü tablet* telefon* internet* wifi modem* yazıcı*
            tarayıcı* şifre* eposta* mail* whatsapp uygulama* program* kurulum güncelle* klavye*
            dijital* online çevrimiçi edevlet görüntülü""",
        "pl": """komputer* kompa kompie laptop* tablet* smartfon* telefon* komórk* internet* wifi
            router* drukark* skaner* hasło hasła haseł hasłem loguj* zaloguj* zalogow* email*
            mail* aplikacj* oprogramowani* instalow* zainstalow* aktualiz* klawiatur*
            wideorozmow* cyfrow* whatsapp windows online komórce drukarce""",
        "uk": """компютер* компʼютер* комп ноутбук* планшет* смартфон* телефон* мобільн* інтернет*
            вайфай wifi роутер* принтер* сканер* пароль* логін* імейл* емейл* мейл електронк*
            застосунок* застосунк* налаштув* оновленн* клавіатур* відеодзвін* вайбер viber
            телеграм* whatsapp ватсап вотсап цифров* гаджет* компьютер* интернет* настройк*
            приложени* электронн*""",
        "ar": """كمبيوتر* حاسوب* لابتوب* تابلت* ايباد* آيباد* ايفون* آيفون* هاتف* جوال* موبايل*
            تلفون* تليفون* انترنت* إنترنت* راوتر* طابعة طابعتي طابعات ماسح ايميل* إيميل*
            إلكتروني* الكتروني* تطبيق* تثبيت تحديث* واتساب* واتس رقمي* أونلاين اونلاين حاسب""",
        "ar-latn": """pc kompyuter kombyuter kumbyuter computer ordinateur ordi 7asoub hasoub 7asoob
            laptop telefon tilifon tilifoun telephone hatif hatef jawwal jawal mobail tablet ipad
            iphone internet intrnet anternet wifi router imprimante email imail mail appli tatbi9
            tatbiq tatbee2 whatsapp watsap wats password smartphone""",
    },
    "administratie": {
        "nl": """belasting* toeslag* formulier* administrat* formuliertje briefje aangiftes
            belastingbrief envelop enveloppe paperassen papierwinkel rompslomp bureaucratie
            machtiging digid mijnoverheid bankzaken betalingen incasso aanmaning aanmaningen
            deurwaarder schuldhulp schuldhulpverlening budgetcoach thuisadministratie wmo pgb
            huurcontract energierekening energietoeslag ziektekosten inkomen pensioen aow
            bijstand financieel financiele belastingaangifte formulieren""",
        "en": """paperwork forms form admin administration bills bill invoice invoices taxes tax
            budget budgeting finances finance financial debt debts insurance insurer municipality
            council paperwork bureaucracy documents document filing declaration allowances
            benefit benefits""",
        "tr": """evrak* belge belgeler belgeleri belgelerimi belgeyi form formlar* formu formları
            dilekçe* mektup* fatura* vergi* beyanname* sigorta* belediye* başvuru* borç* borcu*
            borcum bütçe* yazışma* resmi toeslag belastingdienst gemeente mektub*""",
        "pl": """formularz* dokument* papiery papierów papierami papierkow* pism* urzęd* urząd*
            gmin* podatk* podatek* zeznanie rachun* faktur* ubezpiecz* zasiłek* zasiłk* budżet*
            finans* długi długów dług zadłuż* wniosek* wniosk* korespondencj* biurokracj*
            administrac* toeslag belastingdienst gemeente""",
        "uk": """документ* папер* анкет* бланк* податк* податок* декларац* рахун* страхов*
            муніципал* гемеент* виплат* субсиді* заяв* бюджет* фінанс* борг* бюрократ* документы
            бумаг* налог* страховк* заявлени* toeslag gemeente""",
        "ar": """أوراق اوراق ورق* استمارة استمارات نموذج نماذج ضريبة ضرائب فاتورة فواتير تأمين*
            تامين* بلدية البلدية إدارة ادارة إداري* اداري* معاملة معاملات وثائق وثيقة مستندات*
            ميزانية ديون قرض* إعانة اعانة منحة جمارك""",
        "ar-latn": """wra9 wraq awra9 awraq awra2 owra2 wara2 papiers dossier formulaire istimara
            istmara dariba darayeb dara2ib fatura fatoura fawatir facture factures ta2min taamin
            assurance baladiya baladia commune idara edara administration wata2i9 watha2eq dyoun
            duyun kridi toeslag belasting gemeente""",
    },
    "boodschappen": {
        "nl": """boodschap* winkel* supermarkt* apothe* boodschapjes boodschapen bootschappen
            boodschapppen winkeltje albert heijn hoogvliet vomar dekamarkt kruidvat etos drogist
            drogisterij pillen levensmiddelen voedselbank winkelwagen boodschappenkar
            boodschappentrolley""",
        "en": """groceries grocery shopping supermarket supermarkets errands errand pharmacy chemist
            medication medications medicine medicines prescription prescriptions market deliver
            delivery deliveries delivering store stores shop shops""",
        "tr": """alışveriş* market* süpermarket* bakkal* manav* eczane* ilaç* erzak reçete* mağaza*
            dükkan* dükkân* kasap* şarküteri fırıncı""",
        "pl": """zakup* sklep* supermarket* market* bazar* targ targu apteka apteki aptece aptek*
            leki leków lekami lekarstw* spożywcz* dostaw* dowóz* dowoz*""",
        "uk": """покупк* закупк* закупи* магазин* супермаркет* крамниц* ринок ринку базар* аптек*
            ліки ліків ліками продукт* достав* продукты лекарств* аптеці""",
        "ar": """تسوق* مشتريات* سوبرماركت* ماركت* بقالة بقال دكان* سوق* صيدلية صيدليه دواء* أدوية
            ادوية مقاضي مقضى""",
        "ar-latn": """tsawo9 tasawoq tasawu2 tsawe9 tsewe9 tsawe2 t9dia tqdia t9edya taqdiya l9adya
            mouchtarayat supermarche supermarket marche souk sou9 suq sidaliya saydaliya
            pharmacie pharmacy dwa dawa dwaya adwiya ma9adi ma2adi magadi 7anout hanout""",
    },
    "tuin": {
        "nl": """tuin* onkruid* snoei* tuintjes tuinklus tuinklussen tuinhulp hovenier grasmat gazon
            grasveld maaimachine grasmaaien heggenschaar voortuin achtertuin volkstuin
            volkstuintje moestuintje plantenbakken bloembakken bloempotten potplanten
            kamerplanten struik bomen boom boompje composthoop bladblazer gieter tuinslang terras
            dakterras bestrating vijver plant tak takken bloemetjes bloemperk zaaien oogsten
            groentebak""",
        "en": """garden* gardening gardener lawn lawns lawnmower mow mows mowing mowed mower grass
            hedge hedges hedgetrimmer pruning prune weeding weeds rake raking flowers bulbs
            shrubs bushes allotment balcony patio yard backyard fence fencing compost soil
            greenhouse planting""",
        "tr": """bahçe* çim çimen* çimler* çimleri biçmek biçilmesi biçecek budama budamak budayacak
            ot otlar* otları çiçek* fidan* bitki* ağaç* çalı çalılar çalıları çit çiti çitler
            tırmık* balkon* teras* saksı* tırmığ* çiçeğ*""",
        "pl": """ogród* ogrod* działk* trawnik* trawa trawy trawę kosi* koszenie żywopłot* chwast*
            pielić plewi* odchwaszcz* grabie grabić grabienie kwiat* kwiatk* rośli* krzew* krzak*
            podlew* podlać podleje balkon* taras* działce kosiarce""",
        "uk": """сад саду садом садівни* газон* трава трави траву травою косит* покоси* скоси*
            косарк* косінн* кущ кущі кущів кущами живопліт* живоплот* бурян* прополк* полоти
            квіти квітів квітами квітку квітник* рослин* граблі полив* балкон* терас* клумб*
            огород*""",
        "ar": """حديقة حديقتي حديقته حدائق حديقه بستان* جنينة جنينه عشب* جزازة تقليم* سياج* شجيرات
            أشجار اشجار شجرة شجر* زهور ازهار أزهار ورود نباتات نبتة أعشاب اعشاب سقي سقاية شرفة
            بلكونة بلكون* فناء حوش""",
        "ar-latn": """7adi9a hadi9a hadika 7adeeqa hadiqa 7adika jnan jnane jnina jneina bostan
            jardin jardinage 3ochb 3oshb 3ushb 3chb gazon nbatat nabatat wurud azhar zhar chjar
            ashjar chajara shajara chajra sya9 siyaj balcon balkon balkoun""",
    },
    "klussen": {
        "nl": """klus* repar* monte* gereedschap* klusjesdienst klushulp kluswerk klusbus handyman
            repareert fixen fiksen gefikst montage gaatje gaatjes plug pluggen schroef ophangt
            kapstok kastje lampje plafondlamp fitting lekkend druppelt loodgieter elektricien
            elektra bedrading zekering timmeren timmerman hamer spijkers scharnier deurklink
            tochtstrip meubelmontage fotolijst verstopt verstopping afvoer accuboor
            gereedschapskist""",
        "en": """handyman handymen diy repair* fix fixing fixed drill* mount mounting shelf shelves
            shelving curtain* blinds assemble assembling assembly furniture ikea flatpack
            cupboard cupboards cabinet cabinets wardrobe lamp lamps tap taps faucet leak leaking
            leaks leaky dripping doors doorbell hinge toolbox screwdriver screws screw hammer
            nails socket sockets ladder plumbing plumber electrician wiring carpentry carpenter""",
        "tr": """tamir* onar* tadilat* matkap* delik delmek delinecek perde* korniş* raf raflar*
            rafı rafları dolap* mobilya* montaj* lamba* ampul* musluk* sızıntı* sızdır* akıyor
            kapı kapısı kapıyı kapılar alet* tornavida* vida vidalar vidalamak çekiç* çivi
            çiviler priz prizi prizler tesisat* merdiven* ikea dolab* matkab*""",
        "pl": """napraw* remont* fachow* majster* wiertark* wierci* nawierc* powiesić zawiesić
            powieszenie półk* karnisz* zasłon* firan* szafa szafy szafę szafk* mebl* ikea lamp*
            żarów* kran kranu kranie kranem cieknie ciekn* przeciek* drzwi narzędzi* śrub*
            śrubokręt* młot* gwoźdz* gwoździ* gniazdk* drabin* hydraul* elektryk* szafce półce
            żarówce""",
        "uk": """ремонт* полагод* лагод* відремонт* дриль* дрил* свердл* повіси* полиц* карниз*
            штор* фіранк* шафа шафи шафу шафк* мебл* меблі* ікеа ikea ламп* лампочк* кран* тече
            протіка* двер* викрутк* шуруп* гвинт* молот* цвях* розетк* драбин* сантехн* електрик*
            починит* сломал* полк* шкаф* дрель* сверл* лампочці шафці""",
        "ar": """تصليح* إصلاح* اصلاح* صيانة ترميم* عطل معطل معطلة خربان خربانة مكسور* حرفي* سباك*
            كهربائي* نجار* دريل* مثقاب* رفوف* ستارة ستائر خزانة دولاب* أثاث* اثاث* تركيب* ايكيا
            مصباح* لمبة لمبات حنفية صنبور* تسرب* تسريب* باب أبواب ابواب مفك مفكات براغي* برغي*
            مسامير* مسمار* مطرقة مقبس* بريزة""",
        "ar-latn": """tasli7 tasle7 taslee7 isla7 esla7 sla7 sle7 nsle7 nsla7 sayana siyana
            bricolage brico bricoler mkasser mksour m9assar mkassar mkesser kharban 5arban 5erban
            plombier sabbak sebbak electricien kahraba2i kahrabai najjar nejjar perceuse rfouf
            rideau rideaux stara sitara khzana 5zana dolab doulab meuble meubles tarkib tarkeeb
            montage lamba lampa robinet 7anafiya hanafiya fuite outils tournevis msamer mesmar
            marteau ikea""",
    },
    "fiets": {
        "nl": """fiets* binnenband buitenband ebike driewieler bakfiets racefiets mountainbike
            stadsfiets omafiets fietsbel fietspomp versnelling versnellingen spaken spaak
            derailleur trapper trappers zadel fietsverlichting achterlicht voorlicht dynamo""",
        "en": """bike* bicycl* tyre tyres tire tires puncture punctured brakes brake pedal pedals
            saddle spokes ebike""",
        "tr": """bisiklet* patlak* patladı fren frenler freni frenleri zincir* pedal* sele selesi
            jant jantı vites* gidon* kask""",
        "pl": """rower* dętk* opon* przebita przebitą przebicie hamulc* hamulec* łańcuch* przerzutk*
            pedał* siodełk* szprych* rowerek kask wentyl*""",
        "uk": """велосипед* велік* шина шини шину шиною прокол* гальм* ланцюг* педал* сідл*
            електровелосипед* велосипедн* ровер ровера ровером шолом""",
        "ar": """دراجة دراجتي دراجات بسكليت* بسكلات* بيسكلات* بايك فرامل* جنزير* دواسة دواسات
            بشكليطة بشكليط بسكليتة كاوتش خوذة بنشر""",
        "ar-latn": """bechklita bchklita bichklita beshkleta bchkleta bshklita velo vélo bike
            bisklet darraja darrajat 3ajala 3agala 3ajla frein freins pneu pneus crevaison
            pedale""",
    },
    "verven": {
        "nl": """behang* verf verfje verfwerk verfkwast verfroller witten sausen sauswerk latex
            muurverf grondverf plamuren plamuur stucen stucwerk stukadoor behanger behangplakken
            deurposten buitenschilderwerk binnenschilderwerk schilderklus schilderklussen""",
        "en": """paintwork decorating decorator decorators wallpaper wallpapering repaint repainting
            walls ceiling ceilings primer plastering plaster emulsion varnish varnishing""",
        "tr": """boya* badana* zımpara* sıva* vernik* cila* duvarkağıdı alçı* emülsiyon* tiner
            kartonpiyer dekorasyon*""",
        "pl": """malowa* pomalow* odmalow* przemalow* malarz* farb* tapet* sufit* pędzel pędzla
            pędzlem szpachl* gładź* gładzi tynk* emulsj* bejc*""",
        "uk": """фарбув* пофарбув* фарб* маляр* шпалер* поклеїти стеля стелі стелю пензл* шпакл*
            штукатур* побіл* покрас* краск* обои обоев потолок*""",
        "ar": "دهان* طلاء* صباغة صباغ بويا بوية طلي دهانة نقاشة صباغين لياسة محارة",
        "ar-latn": """dhan dihan dahan dhen dhn sbagha sbegha sebgha sbigha sbagh sbegh tila2 tilaa
            tela2 boya bouya peinture peindre peintre""",
    },
    "vervoer": {
        "nl": """vervoer* ziekenh* huisarts* rolstoel* tandarts* fysio* vervoersdienst autorit
            autoritje ritje rit ritten meerijden meerijdt terugbrengen oppikken rijdt chauffeuren
            buurtbus regiotaxi valys ziekenhuisbezoek huisartsenpost poli bloedprikken prikpost
            oogarts begeleider rolstoelbus schiphol vliegveld trein""",
        "en": """transport transportation ride rides drive driving car taxi cab hospital hospitals
            appointment appointments doctor doctors gp dentist physio physiotherapist clinic
            accompany accompanying escort wheelchair scooter rollator bus tram airport""",
        "tr": """ulaşım* götür* araba* şoför* sürücü* hastane* doktor* randevu* dişçi dişçiye dişçim
            hekim* fizyoterap* klinik* refakat* eşlik* tekerlekli taksi* otobüs* tramvay* tren
            trene trenle havalimanı* havaalanı* rollator eşliğ*""",
        "pl": """transport* przewóz* przewoz* przewie* podwieźć podwiezie podwiezienie podwózk*
            podwoz* zawieźć zawiezie zawiózł zawieziesz odwieźć odwiezie samochod* samochód auto
            auta autem kierowc* szpital* lekarz* dentyst* fizjoterap* przychodni* klinik*
            inwalidzk* skuter* taksówk* taxi autobus* tramwaj* pociąg* lotnisk* taksówce""",
        "uk": """транспорт* підвез* довез* відвез* завез* авто автомоб* водій* водія водієм лікарн*
            лікар* стоматолог* фізіотерап* клінік* поліклінік* супровод* супровід* інвалідн*
            таксі автобус* трамва* потяг* поїзд* аеропорт* подвез* отвез* врач* больниц*""",
        "ar": """نقل* مواصلات* توصيلة توصيلتي سيارة سيارتي سيارات سائق* سواق* مستشفى* مستشفيات طبيب*
            دكتور* عيادة عيادات موعد* مواعيد* مرافقة تاكسي* تكسي باص* حافلة أتوبيس اتوبيس ترام
            قطار* مطار* يوصلني توصلني يوصلنا توصيلي""",
        "ar-latn": """na9l naql nakl mowasalat tawsil tawseel tawsila twsila tawsilat siyara sayara
            sayyara tomobil tonobil tomobile voiture karhba karahba sa2e9 sa2eq sa2i9 sawa2
            chauffeur mostachfa mustashfa mosta4fa sbitar sbitar hopital hôpital tbib tabib
            doktor doctor dktor medecin rendezvous rdv maw3id maw3ed mou3id mrafa9a murafaqa
            mrafqa taxi taksi bus tobis tobiss tram tramway 9itar qitar matar aeroport ywasalni
            ywsalni ywasselni ywa9afni twasalni""",
    },
    "gezelschap": {
        "nl": """gezellig* eenzaam* wandel* praat* koffie* bezoek* gezelschapje praatjes
            kletspraatje bakkie koffiedrinken theedrinken aanloop buurtbezoek maatjes
            wandelmaatjes wandelpartner loopmaatje ommetjes rummikub klaverjassen jokeren bridge
            scrabble puzzelen puzzel legpuzzel bingo babbelen babbeltje keuvelen eenzame uitje
            uitjes terrasje""",
        "en": """company companionship companion chat chats chatting talk talking coffee tea cuppa
            visit visits visiting visitor lonely loneliness isolated befriend befriending
            befriender buddy friend friends friendship walk walking walks stroll outing outings
            boardgames games chess draughts checkers bingo puzzle* jigsaw""",
        "tr": """sohbet* muhabbet* kahve* çay çaya çayı ziyaret* yalnızlık yalnızım arkadaş*
            yürüyüş* gezinti* tavla* satranç* iskambil* bulmaca* dertleş* yalnızlığ*""",
        "pl": """towarzyst* towarzysz* pogad* pogaduszk* kawa kawę kawy kawk* herbat* odwiedz*
            odwiedzin* samotn* przyjaci* przyjaźń spacer* planszów* szachy szachów warcab*
            krzyżówk* puzzl* krzyżówce""",
        "uk": """спілкув* поспілкув* поговори* побалака* балака* кава кави каву кавою чай чаю чаєм
            відвід* самотн* друзі друзів дружба дружбу прогулянк* погуля* гуляти настільні шахи
            шахів шашки пазл* кросворд* общени* пообща* поговорить прогулк* одиноч* одинок*
            прогулянці""",
        "ar": """صحبة رفقة ونس دردشة سوالف قهوة شاي زيارة زيارات يزور عزلة صديق* أصدقاء اصدقاء صداقة
            مشي* نزهة تمشية شطرنج* كوتشينة كارطة ضامة تسلية""",
        "ar-latn": """s7ba so7ba suhba sohba rfa9a rafa9a rif9a onss wannis wanas dardasha dardacha
            tdardich sawalif swalif kahwa 9ahwa qahwa 2ahwa ahwa atay atai chai shai shay zyara
            ziyara ziara zeyara zyarat sa7eb sa7ib sadi9 sdi9 sadiq s7ab as7ab asdi9a2 so7ab
            tamshiya tmshiya tmchiya ntmecha tmecha nza7a nozha nouzha chatranj shatranj domino
            dama tasliya""",
    },
    "taal": {
        "nl": """taal* inburger* vertal* alfabet* laaggeletterd* taalcoach taalhulp taalvrijwilliger
            taalmaatjes nt2 nederlandse nederlandstalig taalniveau taalvaardigheid
            oefengesprekken uitspreken woordenschat spelling schrijfhulp analfabeet
            alfabetisering tolk tolken inburgeraar staatsexamen knm taalachterstand dutch""",
        "en": """language languages dutch pronunciation grammar vocabulary spelling integration
            translate translation translator translating interpreter interpreting nt2 literacy
            illiterate alphabet esl""",
        "tr": """dil dili dilini dilde dilleri diller hollandaca* felemenkçe* nederlands telaffuz*
            dilbilgisi* gramer* kelime* çeviri* tercüm* çevirmen* entegrasyon* inburgering
            alfabe*""",
        "pl": """język* niderlandzk* holendersk* konwersacj* wymowa wymowy wymowę gramatyk* słówk*
            słownictw* tłumacz* przetłumacz* alfabet* inburgering pisownia pisowni ortografi*
            dyktand* wymawia*""",
        "uk": """мова мови мову мовою мов мовн* нідерландськ* голландськ* розмовн* вимов* граматик*
            слова слів словник* переклад* перекласти алфавіт* язык* нидерландск* перевод*
            inburgering""",
        "ar": """لغة لغتي لغات هولندية هولندي الهولندية نيرلاندية محادثة نطق* مفردات ترجمة ترجم*
            مترجم* اندماج* أبجدية ابجدية أمية""",
        "ar-latn": """lougha logha lugha lo8a loghat lughat hollandi holandi hollandiya holandiya
            hollandia nederlands mu7adatha mo7adatha tarjama tarjma terjma tarjamat motarjim
            mtarjim tarjim traduction traduire traducteur nodq nutq grammaire indimaj indmaj
            inburgering integratie langue""",
    },
    "huiswerk": {
        "nl": """huiswerk* bijles* wiskunde* school* studie* huiswerkklas huiswerkbegeleider
            bijlesjes bijlesdocent studiebegeleiding rekenles rekensommen staartdelingen cito
            citotoets eindtoets brugklas brugklasser basisschool middelbare vmbo havo vwo mbo
            scholieren proefwerk overhoren overhoring schoolwerk profielwerkstuk natuurkunde
            scheikunde biologie aardrijkskunde leerachterstand""",
        "en": """homework tutoring tutor tutors tuition maths math arithmetic mathematics algebra
            geometry schoolwork pupil pupils exam exams study studying revision revise essay
            essays assignment assignments science physics chemistry biology geography""",
        "tr": """ödev* etüt* okul* öğrenci* sınav* matematik* fizik* kimya* biyoloji* coğrafya* lise
            lisede liseye lisesi ortaokul* ilkokul* cito bijles etüd*""",
        "pl": """odrabia* odrobić korepetycj* matematyk* matma matmy matmę matmą szkoł* szkol* uczeń
            ucznia uczniowie uczni* egzamin* sprawdzian* kartkówk* fizyk* chemi* biologi*
            geografi* wypracowani* referat* liceum podstawówk* kartkówce podstawówce""",
        "uk": """домашк* репетитор* математ* алгебр* геометр* школ* учень учня учні учнів іспит*
            екзамен* фізик* хімі* біологі* географі* домашнее""",
        "ar": """واجب* فروض تقوية مدرس* مدارس* رياضيات* تلميذ* تلاميذ* امتحان* دراسة مذاكرة فيزياء*
            كيمياء* جغرافيا* بكالوريا باكالوريا توجيهي ثانوية إعدادية ابتدائية""",
        "ar-latn": """wajib wajeb wajibat wajbat wejbat frod froud fourod tamarin devoirs devoir
            ta9wiya taqwiya madrasa madrassa medrassa mdrasa madrase ecole école riyadiyat
            riyadiat reyadeyat maths math tilmid tlmid tlamid imti7an emti7an examen exam
            mouraja3a moraja3a mraj3a dirasa drasa mozakra mozakara mzakra 9raya qraya physique
            chimie""",
    },
    "oppas": {
        "nl": """oppas* kinder* babysit* peuter* kindje kindjes kindertjes kinders bso naschoolse
            buitenschoolse gastouder gastouders peuterspeelzaal kdv creche crèche tweeling
            dreumes pasgeboren zuigeling luiers""",
        "en": """babysit* childcare childminder childminding nanny nannies kids kid children child
            baby babies toddler* infant infants preschooler daycare nursery playdate aupair""",
        "tr": """çocuk* çocuğ* bebek* kreş* dadı dadıya dadısı anaokul* babysitter bebeğ* ufaklık*
            ikiz* okulöncesi emzik""",
        "pl": """niani* nianie niań niańk* dzieci* dzieck* maluch* niemowl* bobas* przedszkol*
            żłobek żłobk* babysitter* opiekunka opiekunki""",
        "uk": """няня няні нянею няню нянька* нянечк* діти дітей дітьми дітям дитин* дитяч* малюк*
            немовл* садочок садочк* ребен* ребён* детей дети нянці""",
        "ar": """جليسة مربية حضانة أطفال* اطفال* طفل* رضيع* بيبي* مولود* توأم* جليسات مربيات حفاض*
            بيبيسيتر صغيري صغيرتي""",
        "ar-latn": """atfal a6fal atfel tfel tifl 6ifl tofl drari draria drary bebe bébé baby bibi
            moraabiya murabbiya nounou babysitter babysit 7adana hadana creche crèche garderie
            jalisa""",
    },
    "koken": {
        "nl": """maaltijd* kook* kokkerellen etentje avondmaal stamppot taarten cake cakes koekjes
            diner recept recepten receptje voorkoken maaltijdbox keukenhulp""",
        "en": """cook* chef meal meals dinner dinners supper recipe* bake baking baked cake cakes
            soup soups kitchen casserole stew curry homemade""",
        "tr": """yemek* pişir* aşçı aşçıya aşçılık mutfak* mutfağ* çorba* pasta* kek keki kekler
            börek* pilav* kızart* haşla* dolma mantı baklava lahmacun yemeğ* böreğ*""",
        "pl": """gotować gotowanie ugotować gotuje gotujemy gotujesz ugotuje posił* obiad* kolacj*
            piec pieczenie upiec upiekę ciast* zupa zupy zupę kuchni* kuchn* kucharz* catering""",
        "uk": """готува* приготува* куховар* кухн* їжа їжі їжу їжею страв* обід обіду обідом обіди
            вечеря вечерю пекти спекти випічк* випікат* печиво торт* суп супу супом борщ*
            вареник* готовить приготовить еда еду обед ужин выпечк*""",
        "ar": """طبخ* طباخ* طهي* وجبة وجبات مطبخ* خبز* كعك* كيك* حساء شوربة عشاء* غداء* طبيخ مطبوخ
            أكلات اكلات كسكس طاجين حريرة معجنات فطائر""",
        "ar-latn": """tab5 tabkh tab2h tabikh 6ab5 tib5 tbikh tyab tiyab tabba5 6abba5 tabbakh
            tabbakha cuisinier cuisine wajba wajbat wjba mat5 matba5 matbakh ma6ba5 ka3k gateau
            gâteau cake chorba shorba 7rira harira soupe 3acha 3asha 3sha l3sha lghda ghada
            couscous kuskus tajine tagine""",
    },
    "naaien": {
        "nl": """naai* kleding* borduur* kleermaker* naaiwerk naaister verstelwerk verstelservice
            zoompje knoopje knoopjes ritssluiting breiwerk breit breister breipen quilten
            patchwork kledingreparatie jurk jurken""",
        "en": """sew sewing sewn seamstress tailor tailoring alterations alteration mend mending
            hems hemming clothes clothing zip zipper zips buttons knit knitting crochet
            crocheting embroidery embroider fabric darn darning seam""",
        "tr": """dikiş* diktir* dikmek dikim terzi* kıyafet* giysi* elbise* fermuar* düğme* örgü
            örmek örme tığ nakış* kumaş*""",
        "pl": """szyć szycie szyci* uszyć zszyć przeszyć szwal* szwacz* krawc* krawiec* krawieck*
            przerób* przeróbk* ubrani* ubrań odzież* sukienk* suwak* guzik* drutach szydełk* haft
            haftu haftowa* tkanin* łatać załatać cerowa* dzierga* sukience""",
        "uk": """шити шиття пошити зшити підшити перешит* швач* кравець кравц* кравчин* одяг* сукн*
            гудзик* вязати вязання вишив* тканин* зашит* швейн* пошив* подшить ушить одежд*
            портн*""",
        "ar": """خياط* ملابس* ثياب* فستان* حياكة* تريكو* كروشيه* تطريز* قماش* رتق ترقيع إبرة ابرة
            خيط خيوط سوستة زرار غرزة""",
        "ar-latn": """khyata 5yata khiyata 5iyata khayata 5ayata khayat 5ayat khiyat 5yat khayyat
            5ayyat couture couturiere retouche retouches 7wayej hwayej 7wayj malabis mlabes
            melabes thiyab tiyab ksawi kswa tricot triko crochet kroshe tatriz traz terz 9mach
            qmash 2omash qumash tissu""",
    },
    "huishouden": {
        "nl": """schoonmaak* schoonmaker* huishoud* poets* stofzuig* strijk* dweil* schoonmaken
            schoomaken schoonmake huishoudelijk huishoudelijke werkster afwas afwassen ontspullen
            opruimcoach opgeruimd rommel rommelig beddengoed zemen glazenwasser""",
        "en": """clean* housework housekeeping household chores tidy tidying tidied declutter
            decluttering hoover hoovering vacuum* mopping dusting ironing laundry scrub
            scrubbing""",
        "tr": """temiz* süpür* paspas* ütü ütüleme ütülemek ütülenecek çamaşır* bulaşık* toparla*
            hizmetçi* gündelikçi* deterjan* bulaşığ*""",
        "pl": """sprząta* posprząta* sprzątani* odkurza* prasowa* wyprasowa* pranie prania wyprać
            prać pralk* zmywa* mopem mopować gosposi* czyszcz* wyczyści* sprzątaczk* detergent*""",
        "uk": """прибира* прибиранн* прибрати чистот* пилосо* прасува* випрасува* прання праль*
            прати хатн* уборк* убирать пылесос* стирк* глажк*""",
        "ar": "تنظيف* نظافة مكنسة كنس* غسيل* كوي خادمة شغالة مكواة تلميع شطف تنضيف* نضافة منظفات",
        "ar-latn": """tandif tanzif tan6if tndif tanthif tanzeef nadafa nazafa tn9iya tnqiya tn9ia
            tsyi9 tseyyeq ménage menage kawi repassage repasser aspirateur maknasa khadima 5adima
            shaghala""",
    },
    "creatief": {
        "nl": """knutsel* muziek* gitaar* piano* tekenles tekening tekeningen aquarel aquarelleren
            schetsen boetseren klei pottenbakken handwerken zangles koor viool ukelele drummen
            kalligrafie handlettering mozaiek creatieve creativiteit kunst kunstles kunstenaar
            kunstwerk kunstzinnig atelier edelsmeden sieraden scrapbooken""",
        "en": """drawing draw sketching sketch watercolour watercolor art artist artists crafts
            craft crafting handicraft handicrafts music musician guitar piano violin singing sing
            choir photography photographer pottery ceramics creative creativity scrapbooking
            calligraphy""",
        "tr": """resim* çizim çizmek çizer sanat* müzik* gitar* piyano* keman* bağlama* saz şarkı*
            koro fotoğraf* seramik* çömlek* yaratıcı* ebru* çömleğ*""",
        "pl": """rysowa* rysun* malarstw* rękodzieł* muzyk* gitar* pianin* fortepian* skrzypc*
            śpiew* chór chóru fotografi* ceramik* kreatywn* twórcz* kaligrafi* origami decoupage""",
        "uk": """малюва* малюн* живопис* мистецтв* рукоділ* творч* креатив* музик* гітар* піаніно
            фортепіано скрипк* співа* хор хору хором фотограф* керамік* гончар* каліграф* рисова*
            рисун* гитар* рукодел* творчеств*""",
        "ar": """رسم رسومات تلوين* فنان* فنون يدوية يدوي موسيقى* موسيقي* غيتار* جيتار* بيانو* غناء*
            كورال* تصوير* فوتوغراف* خزف* فخار* صلصال* إبداع* ابداع*""",
        "ar-latn": """rasm rssm rassam rasmat rossomat fnoun fonoun fannan fanan musi9a musiqa
            mousi9a musica musique mosi2a guitar guitare gitar jitar piano ghina2 ghna ghena
            taswir tsswir photographie khazaf 5azaf fa55ar ibda3 ebda3 ibda3i tlwin talwin dessin
            dessiner artisanat""",
    },
    "verhuizen": {
        "nl": """verhuis* verhuiz* sjouw* verhuisdag verhuishulp verhuiswagen verhuisbus
            verhuisbusje verhuisbedrijf inpakken uitpakken doos aanhanger aanhangwagen leeghalen
            leegruimen ontruimen ontruiming verhuzen verhuising karton""",
        "en": """removal removals relocation relocate relocating packing unpack unpacking movers
            haul hauling downsizing removalist truck lorry cardboard crates bubblewrap unload
            unloading""",
        "tr": """taşın* taşıma* taşımak taşıyacak nakliye* nakliyat* koli koliler kolileri kamyon*
            ambalaj* paketle* hamal* taşıyıcı*""",
        "pl": """przeprowadzk* wyprowadzk* wprowadzk* karton* pudł* pakowa* spakowa* rozpakowa*
            tragarz* przeprowadzam przeprowadzamy przeprowadzasz wnieść wniesienie wnoszenie
            ciężarówk* przenies* przenosin* przeprowadzce wyprowadzce""",
        "uk": """переїзд* переїха* коробк* пакува* запакува* спакува* розпакува* вантаж* переезд*
            переехать грузчик* переїжджа* перевез* грузовик* переезжа* коробці""",
        "ar": """انتقال* عفش* رحيل صناديق* كراتين* كرتون* تغليف* شاحنة شاحنات انتقل* ننتقل شيال*
            عتال* عزال نقلة""",
        "ar-latn": """intiqal intikal enti9al nti9al r7il r7ila rhil rhila nre7el nr7el demenagement
            déménagement demenager déménager 3afsh 3afch cartons carton kartona karatin sanadi9
            tghlif taghlif camion kamyon""",
    },
}

# Words that hint at the help but also mean other things (weak signal).
WEAK: dict[str, dict[str, str]] = {
    "hond": {
        "nl": "rondjes wandelingetje snuffelen",
        "en": "walk walks walking walker fetch",
        "tr": "gezdir* yavru",
        "pl": "wyprowadzić wyprowadzać wyprowadzi wyprowadzania wyprowadzanie spacer*",
        "uk": "прогулянк* погуля* гуляти",
        "ar": "تمشية يمشي نزهة مشي طوق مقود",
        "ar-latn": "tmshiya tamshiya tmchiya ntemcha yemshi yimshi yemchi",
    },
    "kat": {
        "nl": "brokjes voerbak",
        "en": "feed feeding litter",
        "tr": "besle*",
        "pl": "karmić karmienie nakarmić karmi karma karmy",
        "uk": "годува* погодува* нагодува* лоток наповнювач",
        "ar": "اطعام إطعام يطعم",
        "ar-latn": "it3am t3am",
    },
    "huisdier": {
        "nl": "kip kippen kippenhok beest",
        "en": "fish feed feeding cage",
        "tr": "balık besle*",
        "pl": "karma karmy karmę klatk* opieka",
        "uk": "годува* клітк* корм*",
        "ar": "سمك اسماك أسماك قفص* رعاية اطعام إطعام",
        "ar-latn": "samak 7out hout 9afas qafas",
    },
    "computer": {
        "nl": "kabel opladen telefoontje",
        "en": "slow setup screen mobile zoom mail",
        "tr": "posta yükle* ekran* giriş akıllı",
        "pl": "poczt* program* ekran* myszk*",
        "uk": "пошт* додаток програм* встанов* екран* мишк* електронн*",
        "ar": "بريد* برنامج* شاشة حساب تسجيل مرور",
        "ar-latn": "code barnamej barnamaj programme shasha chacha installer update",
    },
    "administratie": {
        "nl": "post uitleggen",
        "en": "letter letters mail accounts apply application applications fill understand bank",
        "tr": "posta hesap* banka* para kira doldur*",
        "pl": "listy listu listów poczt* bank* wypełni* zeznania",
        "uk": "лист листи листів пошт* банк* заповни* переклад* форм*",
        "ar": "رسالة رسائل بريد* ملف* حساب* بنك* تعبئة ملء",
        "ar-latn": "risala resala bareed barid flous bank banque",
    },
    "boodschappen": {
        "nl": "bestellen ophalen",
        "en": "food buy buying carry bags pickup",
        "tr": "pazara pazardan torba* poşet* sipariş* getir* satın teslim",
        "pl": "recepta recepty receptę siatk* torb* kupić kupi* przynieść przyniesie",
        "uk": "пакет* сумк* купити купувати куплю рецепт*",
        "ar": "محل* وصفة أغراض اغراض حاجيات خضار* توصيل* شراء اشتري يشتري أكياس اكياس",
        "ar-latn": "aghrad tawsil shra chra nechri nchri khodra khudra 5odra 5odar",
    },
    "tuin": {
        "nl": "knippen hek",
        "en": "weed trim trimming leaves plant plants tree trees watering hose pots",
        "tr": "sulamak sulama sulayacak toprak* yaprak* yabani sebze",
        "pl": "pielęgn* przycinanie liści* drzew*",
        "uk": "город* обрізк* обрізат* дерев* листя ґрунт* грунт*",
        "ar": "حشيش زرع* زراعة تراب* قص",
        "ar-latn": "7chich hashish zra3a zer3 zar3 sa9i s9i sqi",
    },
    "klussen": {
        "nl": "slot stuk inelkaar wasmachine schilderijtje",
        "en": "broken hang hanging odd jobs bulb lock nail maintenance mirror electrical",
        "tr": "usta* bozuk* kırık* asmak ayna tablo elektrik*",
        "pl": "zepsut* zepsuł* uszkodz* zamek zamk* złożyć skręcić skręcenie rączka dzwonek",
        "uk": "майстер* зламал* зламан* поламан* замок замк* інструмент* збира* зібрати дзвінок",
        "ar": "ثقب* تعليق* قفل* أدوات ادوات جرس سلم",
        "ar-latn": "m3allem m3alem t3li9 ta3liq bab",
    },
    "fiets": {
        "nl": "wiel pomp",
        "en": "flat tube chain gears wheel pump cycling",
        "tr": "lastik* tekerlek tekerleği tekerlekler pompa* lastiğ*",
        "pl": "koło koła pompk*",
        "uk": "камер* колес* спиц* насос* перемикач* спустило",
        "ar": "إطار* اطار* ثقب* سلسلة منفاخ* عجلة",
        "ar-latn": "chaine",
    },
    "verven": {
        "nl": "schuren lakken lak rolletje roller afplakken",
        "en": "paint painting painter painters brush roller sanding wall frames",
        "tr": "duvar* tavan* fırça* rulo macun",
        "pl": "ścian* wałek wałka szlifow* lakier* gruntowa* remont*",
        "uk": "стін* валик* ґрунтув* грунтув* лакувати",
        "ar": "دهن يدهن صبغ جدران حيطان حائط جدار سقف* فرشاة رول معجون جبس*",
        "ar-latn": "7ayt 7it 7yout hait jdar jidar jodran sa9f saqf rouleau jbes jebs",
    },
    "vervoer": {
        "nl": "afzetten station",
        "en": "lift driver walker pickup collect drop bring train station trip journey",
        "tr": "getir* araç* bırak* metro istasyon* yolculuk",
        "pl": "jazd* wizyt* termin* towarzysz* wózek dworzec* dworc* odebrać odbiór",
        "uk": "машин* зубн* прийом* запис* візок вокзал* забрат* машина",
        "ar": "قيادة أسنان اسنان متحرك محطة*",
        "ar-latn": "mahatta",
    },
    "gezelschap": {
        "nl": "alleenstaand bejaarde oor",
        "en": "alone listen listening social conversation",
        "tr": "konuş* yalnız yürü* dolaş* oyun* dinle* gezdir* gezi gezmek",
        "pl": "rozmow* wizyt* znajom* gry gra grać gier karty kart",
        "uk": "компані* розмов* візит* ігри ігор карти слухати вислухати",
        "ar": "حديث* كلام تحدث* وحدة وحيد وحيدة ألعاب العاب لعب* طاولة استماع يستمع يمشي",
        "ar-latn": """hadra hdra nhadro nhdro nhder wahda wa7da la3b l3ab al3ab karta tawla nsma3
            sma3 yemshi yimshi""",
    },
    "taal": {
        "nl": "turks arabisch spellen zinnen",
        "en": """english conversation speak speaking read reading write writing words lesson lessons
            class classes course practise practice practising practicing tutor exam""",
        "tr": """ingilizce türkçe arapça konuşma* pratik* okuma okumak yazma yazmak sınav* kurs*
            ders*""",
        "pl": """angielsk* polsk* rozmow* mówić mówienie czytani* czytać pisani* pisać integracj*
            egzamin* kurs* lekcj* nauka""",
        "uk": """англійськ* читанн* читати писати інтеграц* іспит* екзамен* курс* урок* практик*
            розмов*""",
        "ar": """إنجليزية انجليزية انكليزي تحدث* قواعد* كلمات قراءة* كتابة* امتحان* دورة* دروس* درس*
            ممارسة*""",
        "ar-latn": """inglizi engliziya kalimat klmat 9raya 9raia qraya qiraa 9ra2a ktaba kitaba
            imti7an cours dawra dros drous durus""",
    },
    "huiswerk": {
        "nl": "tafels breuken geschiedenis engels frans duits leren",
        "en": """sums school student students test tests learning teach teaching teacher reading
            history""",
        "tr": "ders* test testi sunum* proje projesi projeler öğretmen*",
        "pl": """lekcj* korki zadanie zadania domowe student* test testy testu nauk* histori*
            prezentacj*""",
        "uk": """завдан* домашнє студент* контрольн* тест* навчанн* вчити* урок* історі* твір
            презентац*""",
        "ar": "خصوصية حساب طالب* طلاب* اختبار* مراجعة علوم*",
        "ar-latn": "talib tolab test",
    },
    "oppas": {
        "nl": "zoon dochter kleinkinderen speeltuin",
        "en": "play playing son daughter grandchildren grandkids",
        "tr": "bakıcı* bakım* yuva* oyna* oğlum kızım torun* okuldan",
        "pl": "opiek* bawić* zabaw* syn córk* wnuk* wnucz*",
        "uk": "садок* догляд* посидіти грати син сина доньк* дочк* онук* онуч* присмотр*",
        "ar": "صغار أولاد* اولاد* ولد* ابني بنتي ابنتي رعاية لعب* روضة* حفيد* أحفاد*",
        "ar-latn": "wlad wlidat awlad wled sghar s4ar z3ar rawda wldi bnti ibni binti l3ab",
    },
    "koken": {
        "nl": "broodjes lunch",
        "en": "food lunch eat eating bread dishes",
        "tr": "tarif* ekmek fırın* kahvaltı* tatlı* sofra*",
        "pl": "jedzenie przepis* dania danie",
        "uk": "сніданок рецепт*",
        "ar": "أكل اكل طعام* وصفة وصفات* حلويات* فطور* إفطار* افطار* حلال",
        "ar-latn": """akl akel makla ta3am wasfa wasfat 5obz khobz 5ubz 7alawiyat halawiyat ftour
            f6ur fotor""",
    },
    "naaien": {
        "nl": "korter innemen vermaken rok overhemd mouwen lapjes stoppen",
        "en": "trousers pants jeans dress shorten patch patching costume",
        "tr": "tadilat* paça* kısalt* pantolon* yama*",
        "pl": "poprawk* skróci* skracani* spodni* materiał materiału zamek",
        "uk": "вкоротит* вкороти* штан* блискавк* гачк* латк*",
        "ar": "تفصيل* تقصير* تضييق بنطلون* بنطال* سروال* سحاب* أزرار ازرار زر رقعة",
        "ar-latn": """tfsal tafsil tfessal tqsir ta9sir fostan fustan robe sarwal serwal srwal
            pantalon bantalon zip""",
    },
    "huishouden": {
        "nl": "badkamer wc toilet keuken wasmachine bedden vloer vloeren kliko",
        "en": "wash washing windows dishes bathroom toilet kitchen iron polish bins sheets",
        "tr": "toz yıka* silmek silme cam banyo* tuvalet* düzenle*",
        "pl": "porządk* myć umyć mycie kurze okna okien naczyni* łazienk* toalet* obowiązki domow*",
        "uk": """миття мити помити вимити пил пилу підлог* вікна вікон посуд* ванн* туалет* порядок
            порядк* домашн* мыть""",
        "ar": "منزلية منزلي* ترتيب* غسل مسح* غبار* زجاج شبابيك* نوافذ* صحون* أطباق جلي حمام* مرحاض",
        "ar-latn": "ghasil ghsil ghasl tartib tertib shebabik chbabek chrajem mwa3in mwa3en hammam",
    },
    "creatief": {
        "nl": "dansen toneel gedichten hobby keyboard",
        "en": "painting paint dance dancing theatre poetry instrument photos",
        "tr": "hobi* dans* tiyatro* şiir*",
        "pl": "sztuk* taniec tańczy* teatr* poezj* instrument* zdjęci*",
        "uk": "танц* театр* вірш* глина фото",
        "ar": "رقص* مسرح* خط",
        "ar-latn": "ra9s raqs masra7 tsawer",
    },
    "verhuizen": {
        "nl": "zware spullen busje bestelbus meubels trap",
        "en": """move moving boxes box pack lifting lift heavy carry carrying furniture sofa couch
            storage""",
        "tr": "eşya* kutu* ağır* kaldır* boşalt* mobilya*",
        "pl": "przeprowadzić przeprowadza nosić noszenie dźwiga* ciężk* mebl* wyprowadzić",
        "uk": "переселенн* перенес* перенос* важк* меблі",
        "ar": "نقل* أثاث اثاث تعبئة شيل ثقيل*",
        "ar-latn": "na9l naql 7mal hmal ta9il t9il te9il thaqil meubles",
    },
}

# Filler that says nothing about the kind of help; none is a help word of its own language.
STOPWORDS: dict[str, str] = {
    "nl": """klein kleine kleiner groot grote groter nieuw nieuwe oud oude vast eerste tweede
        gekregen krijgen krijg kreeg houd houden hield
        de het een en of in op aan voor met van te bij om is ik je u jij wij we ze zij hij mijn
        uw wie wat die dat dit er ook niet nog wel als dan maar naar kan kunnen wil willen zou
        graag iemand mij me hem haar hun hen ons onze jouw jou jullie zijn ben bent waren wordt
        worden werd geworden word heb hebt heeft hebben had hadden gehad ga gaat gaan ging gingen
        gegaan kom komt komen kwam kwamen gekomen zit zitten zat staat staan stond sta lig ligt
        liggen loopt doe doet doen deed gedaan moet moeten moest mag mogen mocht kunt kun kon
        konden zal zullen zult zouden wilt wilde wilden hoeft hoeven hoef weet weten wist denk
        denkt denken dacht vind vindt vinden vond zeg zegt zeggen zei krijg krijgt krijgen kreeg
        geef geeft geven gaf laat laten liet blijf blijft blijven bleef kijk kijkt kijken zie
        ziet zien heel erg zeer echt even soms altijd nooit vaak meestal nu al alweer weer toch
        dus lekker eigen ander andere anderen iedereen ieder iedere elke elk alle allemaal alles
        iets niets niemand welke welk zo zoals hoe waar wanneer waarom omdat want toen terwijl
        tot totdat sinds zodat zelfs daarom daarna daarbij daarvoor daarmee daarin daarop hier
        daar ergens overal nergens weg heen terug bijna misschien wellicht natuurlijk gewoon
        eigenlijk helemaal zelf meer minder veel weinig beetje paar enkele enkel sommige
        verschillende diverse ja nee nou hoor hallo hoi hey beste groeten groet vriendelijke dank
        bedankt alvast mvg help helpen helpt hulp hulpje hulpvraag gezocht zoek zoeken zoekt
        zocht bied biedt bieden aanbod aanbieden vraag vragen vraagt vroeg persoon mensen mens
        buurtgenoot buurtgenoten buurman buurvrouw buren tijd nodig ondersteuning ondersteunen
        goed goede leuk leuke fijn fijne prima mooi mooie aardig aardige lief lieve vriendelijk
        week weken maand maanden dag dagen uur uurtje uren keer keertje moment momenten periode
        tijdje binnenkort snel vandaag morgen overmorgen gisteren straks later vanaf tussen rond
        ongeveer lukt lukken raar overig overige anders divers mijzelf mezelf zichzelf jezelf
        zich onder boven achter naast tegen door over zonder na tijdens via per vanuit tegenover
        der des ten ter eens ooit nogal vrij best redelijk vooral zeker gelukkig helaas jammer
        liefst liever waarmee waarvoor waarbij dezelfde hetzelfde zulke zulk thuis jaar jaren
        gratis probleem problemen ding dingen zaken wonen woon woont regelmatig wekelijks
        dagelijks verder pas net juist precies mogelijk wie wiens genoeg teveel vrijwilliger
        vrijwilligers mevrouw meneer heer dame man vrouw beetje eventjes natuurlijk ongeveer
        hierbij hiervoor ermee erbij erin erop ervan erna erg iemands uiteraard inmiddels ineens
        opeens zometeen nogmaals steeds nodig""",
    "en": """a an the and or but if then so to of in on at by for with from about into over under
        after before up down out off again further here there when where why how all any both
        each few more most other others some such nor only own same than too very can will just
        should would could might must shall may i me my myself we our ours us you your yours he
        him his she her hers it its they them their theirs what which who whom this that these
        those am is are was were be been being have has had having do does did doing get gets got
        getting go goes going went come comes coming make makes made need needs needed needing
        help helps helping helped helper someone somebody anyone anybody person people looking
        look looks seeking seek search searching want wants wanted like please thanks thank hi
        hello hey dear regards offer offering offers request requests requesting able available
        also maybe really bit little lot lots much many time times sometimes often always now
        soon today tomorrow week weeks day days hour hours once twice every everyone anything
        something thing things neighbour neighbor neighbours neighbors support assistance assist
        volunteer volunteers good great nice well yes ok okay just still even already else
        because while until since though although whether per via around home willing happy glad
        possible possibly perhaps im ive id would give giving gave take takes took sort kindly
        myself yourself anyone everything which whose""",
    "tr": """ve veya ya ile de da ki bu şu o bir iki ben sen biz siz onlar beni bana benim benimle
        seni sana senin bizi bize bizim sizi size sizin onu ona onun onları onlara onların kendi
        kendim kendine kendimi için gibi kadar göre daha en çok az biraz pek her hep bazen şimdi
        sonra önce zaman gün günü hafta haftada haftalık saat ne neden niçin nasıl nerede nereye
        kim kime kimse birisi biri birine birisine birini kişi insan insanlar var evet tamam
        lütfen teşekkür teşekkürler merhaba selam iyi güzel olur olabilir olarak olan olmak oldu
        olursa olsun ise eğer ama fakat ancak çünkü yani mi mu mü bile sadece yalnızca lazım
        gerek gerekli gerekiyor ihtiyaç ihtiyacım ihtiyacı ihtiyacımız yardım yardıma yardımcı
        yardımı yardımcıya yardımlaşma yardımcı arıyorum arıyoruz aranıyor arıyor istiyorum
        istiyoruz isterim ister rica ediyorum edebilir edecek yapmak yapabilir yapacak yapar eder
        etmek bulmak komşu komşum komşular şey şeyler birkaç tüm bütün hepsi diğer başka aynı
        bunu bunun buna şunu burada orada hemen yine tekrar artık hâlâ zaten belki bazı herkes
        herşey biraz çok fazla gönüllü destek""",
    "pl": """i oraz lub albo czy a ale że żeby aby bo ponieważ gdy kiedy jeśli jeżeli to ten ta te
        tego tej tym tych temu co kto który która które którzy jak gdzie dlaczego się sie w we na
        z ze do od po przy za przed pod nad o u dla przez między jestem jest są być był była było
        byli będzie będę mam ma mają mieć miał mogę może można mogą musi muszę trzeba chcę chce
        chciałbym chciałabym potrzebuję potrzebuje potrzebna potrzebny potrzebne pomoc pomocy
        pomóc pomoże pomogę pomocna ktoś kogoś komuś kimś szukam szuka szukamy poszukuję osoba
        osoby osobę ludzie człowiek ja ty on ona ono my wy oni one mnie mi mną ciebie cię tobie
        ci nas nam nami was wam ich im je jego jej mój moja moje mojego mojej moim twój twoja
        nasz nasza wasz swój swoja swoje bardzo trochę dużo mało więcej mniej też także również
        tylko jeszcze już teraz zawsze czasem czasami często dziś dzisiaj jutro tydzień tygodniu
        dzień dni godzina godzinę godziny raz razy proszę dziękuję dzięki cześć dobry dobrze tak
        nic nikt wszystko wszyscy każdy każda inne inny inna sam sama samo tutaj tu tam gdzieś
        coś jakiś jakaś jakieś jakie taki taka takie sąsiad sąsiadka sąsiedzi sąsiadów
        wolontariusz wolontariuszka pan pani państwo chętnie wsparcie""",
    "uk": """і й та а але або чи що щоб як де коли чому хто який яка яке які цей ця це ці той те ті
        мій моя моє мої твій твоя наш наша ваш ваша свій своя свої я ти він вона воно ми ви вони
        мене мені мною тебе тобі нас нам вас вам їх їм його її в у на з із зі до від по при за
        перед під над про для через між біля є був була було були буде бути маю має мають можу
        може можна треба потрібно потрібна потрібен потрібні допомога допомоги допомогти
        допоможіть допоможе допомогу хтось когось комусь шукаю шукає шукаємо людина людини люди
        дуже трохи багато мало більше менше теж також тільки лише ще вже зараз завжди іноді часто
        сьогодні завтра тиждень тижня день дні година години раз рази будь ласка дякую привіт
        добрий добре так ніщо ніхто все всі кожен кожна інший інша інші сам сама тут там десь
        щось якийсь хочу хоче хотів хотіла сусід сусідка сусіди волонтер и с что как где кто это
        мне нужна нужен нужно нужны помощь помочь помогите ищу ищем пожалуйста спасибо очень меня
        мой моя""",
    "ar": """في من على إلى الى عن مع هذا هذه ذلك تلك هؤلاء الذي التي الذين ما ماذا متى أين اين كيف
        لماذا هل أنا انا أنت انت هو هي نحن أنتم انتم هم هن لي لك له لها لنا لكم لهم عندي عنده
        عندها عندنا و أو او ثم لكن بل إذا اذا إن ان أن لأن لان كان كانت يكون تكون كل بعض كثير
        قليل جدا أيضا ايضا فقط الآن الان دائما أحيانا احيانا اليوم غدا أسبوع اسبوع يوم أيام ساعة
        مرة مرات شخص أشخاص أحد احد حد حدا شي شيء أي اي مساعدة مساعده المساعدة ساعد ساعدني يساعد
        يساعدني تساعد تساعدني أساعد اساعد أحتاج احتاج نحتاج يحتاج بحاجة حاجة محتاج أبحث ابحث نبحث
        يبحث أريد اريد نريد يريد أرجو ارجو رجاء فضلك لو سمحت شكرا مرحبا السلام عليكم سلام جار
        جيران جارة متطوع متطوعة ممكن يمكن أستطيع استطيع عند بعد قبل خلال حول فوق تحت بين لدي لديه
        جيد جيدة نعم كمان برضه بس حتى هنا هناك شوية كتير عايز عاوز بدي بدنا أبغى ابغى واحد واحدة""",
    "ar-latn": """ana ena nta enta inta nti enti inti howa huwa hwa houwa hiya hia hya 7na e7na ehna
        n7na nahnu antom ntoma ntouma homa huma houma hum fi f fel fil fl men min mn mna 3la 3ala
        ala ila l le li lil m3a ma3a m3ak ma3ak w wa aw ou wla walla ida iza eza law lw bach bash
        hta 7ta 7atta ken kan kant kanet ykoun ykun kol kul koll bzaf ktir kteer chwiya shwaya
        shwiya chwia 9lil qalil shway chway b7al bhal kima mitl zay zai daba dlwa2ti halla2 hala2
        lyoum lyom elyom ghda bokra bukra ghedda simana sbou3 youm nhar nahar sa3a mara marra
        marat wa7ed wahed wa7d chi chihaja shi haja 7aja hada hadi hadou had dak dik hadak hadik
        hatha hadha hay hayda 7ad 7ada ahad a7ad musa3ada mosa3ada mousa3ada mossa3ada msa3da
        ms3ada musaada mosaada 3awen 3awn 3awenni 3awni 3awnini 3awnouni t3awen t3awni n3awen
        m3awna ma3ouna sa3ed sa3id sa3edni sa3dni sa3idni ysa3ed ahtaj a7taj ne7taj n7taj nahtaj
        ni7taj m7taj me7taj mi7taj mehtaj mohtaj khassni 5assni khasni 5asni bghit baghi bghina
        3ayez 3ayz 3awz 3ayza biddi bidi baddi abgha ba7ath ndawer bdawer adawer ados ndour
        kan9leb n9leb 3afak afak 3afakom 3afek fadlak sama7t sm7t chokran shukran choukran
        shokran merci salam slm jar jiran jara wach wesh chno chnou shnu fin win wein kifach kif
        kifash 3lach leh imta emta momkin mumkin mmkn yemkin imken 3endi 3andi 3ndi ya3ni y3ni
        bas wakha iyeh na3am tani aydan ghir""",
}

# Asking for someone close by: phrases separated by "|".
NEARBY: dict[str, str] = {
    "nl": """uit de buurt | in de buurt | dichtbij | dicht bij | dichtbij huis | om de hoek | in
        mijn buurt | in onze buurt | uit mijn buurt | uit onze buurt | in de wijk | uit de wijk |
        in mijn wijk | in onze wijk | uit mijn wijk | buurtgenoot | buurtgenoten | in de straat |
        uit de straat | in mijn straat | uit mijn straat | op loopafstand | op fietsafstand |
        vlakbij | vlak bij | hier in de buurt | niet ver | niet te ver | in de omgeving | uit de
        omgeving | nabij | naast de deur | in het dorp | uit het dorp | in ons complex | in mijn
        flat | in de flat""",
    "en": """nearby | near me | near by | close by | close to me | close to home | local | locally |
        in my neighbourhood | in my neighborhood | my neighbourhood | my neighborhood | from the
        neighbourhood | from the neighborhood | in the neighbourhood | in the neighborhood |
        around the corner | in my street | on my street | in my area | in the area | local area |
        walking distance | within walking distance | not far | down the road | same street | same
        building | in my building""",
    "tr": """yakın | yakınımda | yakınlarda | yakınlarımda | yakınımızda | yakından | mahallemden |
        mahalleden | mahallemde | mahallede | mahallemizde | mahallemizden | aynı mahalle | aynı
        mahalleden | komşu | komşular | komşulardan | çevremde | çevreden | civarda | civarımda |
        civardan | buralarda | buralardan | yürüme mesafesi | yürüme mesafesinde | aynı sokak |
        sokağımda | aynı binada | uzak olmayan | uzak değil""",
    "pl": """w pobliżu | z pobliża | niedaleko | blisko | z okolicy | w okolicy | z mojej okolicy |
        w mojej okolicy | z sąsiedztwa | w sąsiedztwie | sąsiedzi | z osiedla | na osiedlu | z
        mojego osiedla | z dzielnicy | w dzielnicy | z mojej dzielnicy | za rogiem | na mojej
        ulicy | z mojej ulicy | blisko domu | nieopodal | w zasięgu spaceru""",
    "uk": """поруч | поряд | неподалік | недалеко | близько до мене | близько від мене | поблизу |
        поруч зі мною | біля мене | біля дому | з району | в районі | у районі | в моєму районі |
        у моєму районі | з мого району | по сусідству | сусіди | за рогом | на моїй вулиці | з
        моєї вулиці | рядом | поблизости | в моем районе | из района | по соседству | сосед |
        соседи""",
    "ar": """قريب | قريبة | قريب مني | قريبة مني | بالقرب | بالقرب مني | من الحي | في الحي | حيي |
        من حيي | في حيي | من المنطقة | في المنطقة | منطقتي | من منطقتي | الجيران | جيران | من
        الجيران | في الشارع | نفس الشارع | شارعنا | نفس العمارة | نفس البناية | على بعد خطوات |
        مش بعيد | غير بعيد | ليس بعيدا | قريب من البيت | مجاور""",
    "ar-latn": """9rib | 9arib | qarib | 2arib | arib | qrib | 9riba | 9rib menni | 9rib mni | qrib
        mni | 9arib mini | qarib mini | 2orayeb | 2ourayeb | mn l7ouma | men l7ouma | f l7ouma |
        fl7ouma | l7ouma | l7oma | 7ouma | 7oumti | fl hay | men el 7ay | min al7ay | el 7ay |
        l7ay | mantiqa | mnt9a | fl mnti9a | jiran | jirani | mn jiran | nfs zan9a | zan9a |
        zanqa | derb | fderb | mn derb | machi b3id | mashi b3id | mish b3id | mech b3id | msh
        b3id | ma b3idch""",
}

# Words that negate (or except) what follows them.
NEGATIONS: dict[str, str] = {
    "nl": "niet geen nooit zonder niets niemand nergens noch behalve uitgezonderd",
    "en": """not no without never except excluding dont doesnt didnt cant cannot wont isnt arent nor
        neither none nobody nothing""",
    "tr": "değil yok hayır olmadan olmaksızın hiç hiçbir asla istemiyorum",
    "pl": "nie bez oprócz poza żaden żadna żadne żadnego nigdy nic nikt ani",
    "uk": """не без крім окрім ні жоден жодна жодне жодного ніколи ніщо ніхто нема немає нет никогда
        никакой""",
    "ar": "لا ليس ليست بدون عدا غير لم لن مش مو أبدا ابدا دون بلا",
    "ar-latn": """la mish mesh mech mush mosh msh mashi machi mouch bidoun bidon bdoun bla walou
        walo abadan ghayr lan lam mafich mafi mafish""",
}

# The weekend, Saturday and Sunday ("sonu" for the Turkish "hafta sonu").
WEEKEND: dict[str, str] = {
    "nl": """weekend weekends weekenden weekeinde zaterdag zondag zaterdags zondags zaterdagen
        zondagen zaterdagochtend zaterdagmiddag zaterdagavond zondagochtend zondagmiddag
        zondagavond""",
    "en": "weekend weekends saturday saturdays sunday sundays",
    "tr": """haftasonu haftasonları haftasonlari sonu sonları cumartesi cumartesileri cumartesiye
        cumartesinden pazar pazarları pazarlari""",
    "pl": "weekend weekendy weekendu weekendem weekendach sobot* niedziel*",
    "uk": "вихідні вихідних вихідними субот* неділ* уікенд вікенд выходн* суббот* воскресень*",
    "ar": "ويكند الويكند السبت الأحد الاحد",
    "ar-latn": "weekend wikend wiikend sabt ssabt essabt sebt ssebt l7ad el7ad al7ad lahad elahad",
}

# The working days, Monday to Friday.
WEEKDAYS: dict[str, str] = {
    "nl": """doordeweeks doordeweekse werkdagen werkdag weekdagen weekdag maandag dinsdag woensdag
        donderdag vrijdag maandags dinsdags woensdags donderdags vrijdags maandagen dinsdagen
        woensdagen donderdagen vrijdagen""",
    "en": """weekday weekdays monday mondays tuesday tuesdays wednesday wednesdays thursday
        thursdays friday fridays workday workdays weeknight weeknights midweek""",
    "tr": "haftaiçi haftaici içi pazartesi salı çarşamba perşembe cuma cumaları",
    "pl": """poniedziałek poniedziałki poniedziałku wtorek wtorki wtorku środa środy środę czwartek
        czwartki czwartku piątek piątki piątku robocze powszednie""",
    "uk": """будні будень буднях будній понеділ* вівтор* середа середу середи четвер четверга
        четвергам пятниц* пʼятниц* будни понедельник вторник среда четверг пятница""",
    "ar": "الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة",
    "ar-latn": """ltnin letnin l2tnin el2tnin ltlat ttlat ltlata ettalata larb3a larba3 l2arb3a
        elarba3a l5mis lkhmis el5amis lkhamis ljem3a ljom3a eljom3a ljm3a""",
}
