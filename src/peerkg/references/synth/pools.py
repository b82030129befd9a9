"""What synthetic records are made of: names, titles, venues, publishers, places."""

from __future__ import annotations

import re


def lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.strip().splitlines() if x.strip())


def words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"\s+", text.strip()) if w)


FAMILIES = words("""
Repper Perkins Mead Hilton Curtis MacNeil Davidson Chinman Sells Rowe Bellamy Guy Miller Slade Deegan
Faulkner Basset Kalathil Gillard Edwards Gibson Holley Owen Watson Carter Walker Bryant Beresford
Campbell Bradstreet Dawney Shepherd Boardman Simpson Lloyd-Evans Mayo-Wilson Harrison Pilling Pitt
Lowe Hill Prictor Hetrick Ryan Solomon Salzer Brown Stewart Ashcraft Anthony Barker Buchanan Leamy
Bird Tosh Williams Le-Boutillier Pistrang Barker Kelly Cooper Stamou Jones Wright Hughes Thompson
Morgan Cox Ward Collins Fox Byrne Gallagher Doyle Quinn O’Connell O'Sullivan McCarthy MacLeod
McKenzie Fraser Kerr Ross Sinclair Lawton-Smith Rebeiro Gruhl Ibrahim Okafor Adeyemi Mensah Nwosu
Oyebode Kamara Mutiso Wanjiru Patel Sharma Gupta Iyer Chatterjee Banerjee Reddy Nair Khan Hussain
Rahman Chaudhry Akhtar Malik Siddiqui Yilmaz Demir Kaya Nguyen Tran Pham Zhang Wang Li Liu Chen
Zhao Huang Wu Zhou Xu Sun Ma Kim Park Lee Choi Jung Tanaka Suzuki Yamamoto Watanabe Ito Sato
Nakamura Kobayashi Moreno García Fernández López Martínez Sánchez Pérez Gómez Díaz Ruiz Álvarez
Romero Navarro Torres Ramos Silva Santos Oliveira Souza Costa Pereira Almeida Ferreira Rossi
Bianchi Romano Colombo Ricci Marino Greco Bruno Conti Esposito Dubois Lefèvre Moreau Girard
Bonnet Lambert Fontaine Rousseau Müller Schmidt Schneider Fischer Weber Wagner Becker Hoffmann
Schäfer Koch Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Hartmann Krüger
Jansen Visser Smit Bakker Mulder Bos Vos Peters Hendriks Dekker Nielsen Jensen Hansen Pedersen
Andersen Larsen Johansson Andersson Karlsson Nilsson Eriksson Lindqvist Svensson Ødegård Haugen
Berg Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Novák Dvořák Horváth Nagy
Papadopoulos Georgiou Ivanova Petrov Sokolov Kuznetsova Cohen Levi Mizrahi Friedman Goldberg
Stein Abramowitz Haddad Nasser Saleh Mansour Farah Tehrani Hosseini Moradi Karimi Jafari
Whitley Crowe Tse Yip Chan Wong Ho Lam Ng Mak Cheung Leung Sandhu Gill Dhillon Atkinson
Rogers Pelletier Tremblay Gagnon Roy Bouchard Nakagawa Hayashi Shimizu Ogawa Wilkinson Hammond
Cheng Skerritt Halpin Stratford Loreto Tiengtom Kobe Fisher Beales Conley Sisto Gray Onken Dumont
Ridgway Dornan Ralph Ochocka Nelson Janzen Trainor Hutchinson Lehman Corrigan Kaufman Rapp Goscha
Salyers Mueser Drake Bond Becker Forchuk Pickett Cook Copeland Jonikas Grey Gates Akabas Segal
""")

PARTICLE_FAMILIES = lines("""
van der Berg
van den Bosch
de Jong
de Vries
van Dijk
van Os
de Ruysscher
ter Haar
von Peter
de la Cruz
del Vecchio
di Lorenzo
da Silva
dos Santos
du Plessis
Le Roux
Al-Khalil
al-Hassan
El-Sayed
bin Abdullah
de Wet
van Weeghel
""")

GIVEN = words("""
Julie Rachel Emma Alison Sarah Anne Jane Helen Mary Susan Karen Claire Louise Nicola Fiona Sian
Catherine Elizabeth Victoria Hannah Lucy Ruth Rebecca Laura Kate Jo Joanne Shery Patricia Larry
John James David Michael Robert William Richard Thomas Mark Paul Peter Andrew Stephen Simon
Christopher Daniel Matthew Anthony George Joseph Charles Edward Alan Brian Kevin Ian Martin Tim
Mike Steve Geoff Tony Graham Neil Gareth Rhys Dafydd Eilidh Morag Hamish Seamus Siobhan Aoife
Niamh Ciarán Oisín Kwame Ama Kofi Abena Chinedu Ngozi Oluwaseun Folake Babajide Emeka Amina
Wanjiku Otieno Priya Anil Rajesh Sunita Deepak Aarav Ananya Lakshmi Vikram Fatima Aisha Omar
Hassan Yusuf Zainab Layla Mohammed Ahmed Ali Mehmet Ayşe Elif Wei Li Ming Hui Yan Jun Xin Fang
Jia Hao Yuki Hiroshi Kenji Akiko Haruto Min-jun Seo-yeon Ji-woo Hyun Thi Minh Anh Duc María José
Carlos Luis Ana Sofía Javier Lucía Alejandro Carmen João Beatriz Rafael Mariana Giulia Marco
Luca Francesca Chiara Matteo Pierre Marie Jean Sophie Camille Élodie Jean-Pierre Anne-Marie
Hans Katrin Jürgen Sabine Dieter Anke Lars Ingrid Sven Astrid Mette Søren Bjørn Eva Piotr
Agnieszka Katarzyna Tomasz Jiří Petra Dimitri Elena Ivan Olga Nikos Eleni Yael Avi Noa
Shlomo Reza Maryam Farhad Leila Mei Ka-Wai Chi-Ming Gurpreet Harjit Manpreet
""")

ORGANISATIONS = lines("""
Department of Health
Department of Health and Social Care
World Health Organization
Mind
Rethink Mental Illness
Mental Health Foundation
NHS England
Health Education England
Public Health England
Care Quality Commission
National Institute for Health and Care Excellence
NICE
Substance Abuse and Mental Health Services Administration
SAMHSA
Mental Health Commission of Canada
Scottish Recovery Network
Centre for Mental Health
Royal College of Psychiatrists
Together for Mental Wellbeing
National Survivor User Network
Mental Health Task Force
Joint Commissioning Panel for Mental Health
ImROC
Scottish Government
Welsh Government
Department of Health Western Australia
Mental Health Coordinating Council
National Empowerment Center
International Association of Peer Supporters
Intentional Peer Support
Mental Health America
National Alliance on Mental Illness
Equality and Human Rights Commission
Office for National Statistics
Australian Institute of Health and Welfare
Health Service Executive
Mental Health Reform
Peer Support Canada
Recovery Innovations
NHS Education for Scotland
The King's Fund
Nuffield Trust
Samaritans
Time to Change
Healthy London Partnership
""")

#: (full title, NLM/ISO abbreviation)
JOURNALS: tuple[tuple[str, ...], ...] = tuple(
    tuple(x.split(" | "))
    for x in lines("""
Journal of Mental Health | J Ment Health
Psychiatric Services | Psychiatr Serv
Psychiatric Rehabilitation Journal | Psychiatr Rehabil J
Community Mental Health Journal | Community Ment Health J
BMC Psychiatry | BMC Psychiatry
Schizophrenia Bulletin | Schizophr Bull
World Psychiatry | World Psychiatry
British Journal of Psychiatry | Br J Psychiatry
The British Journal of Psychiatry | Br J Psychiatry
The Lancet Psychiatry | Lancet Psychiatry
The Lancet | Lancet
International Journal of Mental Health Nursing | Int J Ment Health Nurs
Journal of Psychiatric and Mental Health Nursing | J Psychiatr Ment Health Nurs
Social Psychiatry and Psychiatric Epidemiology | Soc Psychiatry Psychiatr Epidemiol
Administration and Policy in Mental Health and Mental Health Services Research | Adm Policy Ment Health
Health Expectations | Health Expect
Mental Health and Social Inclusion | Ment Health Soc Incl
The Journal of Mental Health Training, Education and Practice | J Ment Health Train Educ Pract
Journal of Mental Health Training, Education and Practice | J Ment Health Train Educ Pract
Mental Health Review Journal | Ment Health Rev J
The Mental Health Review | Ment Health Rev
Journal of Public Mental Health | J Public Ment Health
International Journal of Social Psychiatry | Int J Soc Psychiatry
Psychiatric Quarterly | Psychiatr Q
Issues in Mental Health Nursing | Issues Ment Health Nurs
Archives of Psychiatric Nursing | Arch Psychiatr Nurs
Journal of Psychosocial Nursing and Mental Health Services | J Psychosoc Nurs Ment Health Serv
Australian and New Zealand Journal of Psychiatry | Aust N Z J Psychiatry
Canadian Journal of Community Mental Health | Can J Commun Ment Health
Cochrane Database of Systematic Reviews | Cochrane Database Syst Rev
BMJ Open | BMJ Open
BMJ | BMJ
PLoS One | PLoS One
Frontiers in Psychiatry | Front Psychiatry
Journal of Medical Internet Research | J Med Internet Res
JMIR Mental Health | JMIR Ment Health
Social Science & Medicine | Soc Sci Med
Health & Social Care in the Community | Health Soc Care Community
Qualitative Health Research | Qual Health Res
Disability & Society | Disabil Soc
Journal of Community Psychology | J Community Psychol
American Journal of Community Psychology | Am J Community Psychol
Psychological Medicine | Psychol Med
Epidemiology and Psychiatric Sciences | Epidemiol Psychiatr Sci
Journal of Affective Disorders | J Affect Disord
Psychiatry Research | Psychiatry Res
Early Intervention in Psychiatry | Early Interv Psychiatry
Journal of Dual Diagnosis | J Dual Diagn
Journal of Substance Abuse Treatment | J Subst Abuse Treat
Addiction | Addiction
The Psychiatrist | Psychiatrist
Psychiatric Bulletin | Psychiatr Bull
BJPsych Bulletin | BJPsych Bull
BJPsych Open | BJPsych Open
Advances in Mental Health | Adv Ment Health
International Journal of Psychosocial Rehabilitation | Int J Psychosoc Rehabil
Psychosocial Rehabilitation Journal | Psychosoc Rehabil J
American Journal of Psychiatric Rehabilitation | Am J Psychiatr Rehabil
Journal of Nervous and Mental Disease | J Nerv Ment Dis
Mental Health, Religion & Culture | Ment Health Relig Cult
Health, Risk & Society | Health Risk Soc
Sociology of Health & Illness | Sociol Health Illn
Journal of Clinical Nursing | J Clin Nurs
Journal of Advanced Nursing | J Adv Nurs
Nursing Times | Nurs Times
Mental Health Practice | Ment Health Pract
Trials | Trials
Implementation Science | Implement Sci
Journal of Evaluation in Clinical Practice | J Eval Clin Pract
Journal of Interprofessional Care | J Interprof Care
International Review of Psychiatry | Int Rev Psychiatry
Current Opinion in Psychiatry | Curr Opin Psychiatry
Tijdschrift voor Psychiatrie | Tijdschr Psychiatr
Psychiatrische Praxis | Psychiatr Prax
Nordic Journal of Psychiatry | Nord J Psychiatry
Journal of Mental Health Policy and Economics | J Ment Health Policy Econ
Proceedings of the Aristotelian Society | Proc Aristot Soc
""")
)

NEWSPAPERS = lines("""
The Guardian
The Observer
The Times
The Independent
The New York Times
The Washington Post
BBC News
The Scotsman
The Irish Times
Evening Standard
""")

#: (publisher, places it prints)
PUBLISHERS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (p, tuple(places.split("; ")))
    for p, places in (
        x.split(" | ")
        for x in lines("""
Routledge | London; Abingdon; New York; Abingdon, Oxon
Sage | London; Thousand Oaks, CA; Los Angeles
SAGE Publications | London; Thousand Oaks, CA
Oxford University Press | Oxford; New York
Cambridge University Press | Cambridge; New York
Jessica Kingsley | London
Jessica Kingsley Publishers | London; Philadelphia, PA
Palgrave Macmillan | Basingstoke; London; Cham
Springer | Cham; New York; Berlin; Dordrecht
Wiley-Blackwell | Chichester; Oxford; Hoboken, NJ
John Wiley & Sons | Chichester; Hoboken, NJ; New York
PCCS Books | Ross-on-Wye; Monmouth
Policy Press | Bristol
Open University Press | Maidenhead; Buckingham
Guilford Press | New York
The Guilford Press | New York
American Psychological Association | Washington, DC
American Psychiatric Publishing | Washington, DC; Arlington, VA
Hazelden | Center City, MN
Baillière Tindall | London; Edinburgh
Elsevier | Amsterdam; Oxford; Edinburgh
Churchill Livingstone | Edinburgh; London
Emerald | Bingley
Emerald Publishing | Bingley
Karnac | London
Penguin | London; Harmondsworth
Harper & Row | New York
Beacon Press | Boston
Vanderbilt University Press | Nashville, TN
Praeger | Westport, CT
Lippincott Williams & Wilkins | Philadelphia, PA; Philadelphia
Hawthorn Books | New York; New York, NY
Potton & Burton | Wellington; Nelson
Peach Press | Sandwich, MA
Jossey-Bass | San Francisco; San Francisco, CA
McGraw-Hill | New York; Maidenhead
Pavilion | Brighton; Hove
Lyceum Books | Chicago
Columbia University Press | New York
Johns Hopkins University Press | Baltimore
University of Chicago Press | Chicago
Polity Press | Cambridge
Macmillan | London; Basingstoke
Brunner-Routledge | Hove; New York
Boston University Center for Psychiatric Rehabilitation | Boston
New York University Press | New York
University of Toronto Press | Toronto
Red Globe Press | London
Anchor Books | New York; Garden City, NY
Rutgers University Press | New Brunswick, NJ
Temple University Press | Philadelphia
Sage Publications | Thousand Oaks (CA); London
Lippincott | Philadelphia (PA)
Guilford | New York (NY)
University of Minnesota Press | Minneapolis
Open University Press | Milton Keynes
""")
    )
)

#: (issuer, place) for reports and web pages; issuers are also organisation authors
ISSUER_PLACES = {
    "Department of Health": "London",
    "Department of Health and Social Care": "London",
    "World Health Organization": "Geneva",
    "Mind": "London",
    "Rethink Mental Illness": "London",
    "Mental Health Foundation": "London",
    "NHS England": "London",
    "Health Education England": "Leeds",
    "Public Health England": "London",
    "Care Quality Commission": "Newcastle upon Tyne",
    "National Institute for Health and Care Excellence": "London",
    "Mental Health Commission of Canada": "Ottawa",
    "Scottish Recovery Network": "Glasgow",
    "Centre for Mental Health": "London",
    "Royal College of Psychiatrists": "London",
    "Substance Abuse and Mental Health Services Administration": "Rockville, MD",
    "Scottish Government": "Edinburgh",
    "Welsh Government": "Cardiff",
    "National Empowerment Center": "Lawrence, MA",
    "Mental Health Coordinating Council": "Sydney",
    "The King's Fund": "London",
    "Health Service Executive": "Dublin",
    "Mental Health Reform": "Dublin",
    "Sainsbury Centre for Mental Health": "London",
    "National Survivor User Network": "London",
    "Mental Health Commission of Canada ": "Ottawa (ON)",
    "Australian Institute of Health and Welfare": "Canberra (ACT)",
    "Together for Mental Wellbeing": "London",
    "Nuffield Trust": "London",
}

UNIVERSITIES = lines("""
University of Nottingham
King's College London
University College London
University of Manchester
University of Leeds
University of Glasgow
University of Edinburgh
Cardiff University
University of Birmingham
University of Bristol
Middlesex University
St George's, University of London
University of Toronto
McGill University
University of Melbourne
Monash University
Yale University
Boston University
University of Pennsylvania
University of Michigan
University of Auckland
Trinity College Dublin
University of Oslo
Karolinska Institutet
Radboud University
University of Cape Town
""")

DEGREES = lines("""
PhD thesis
Doctoral thesis
Doctoral dissertation
Unpublished PhD thesis
Unpublished doctoral thesis
DClinPsy thesis
Master's thesis
MSc dissertation
MA dissertation
MPhil thesis
""")

DOMAINS = lines("""
www.mind.org.uk
www.rethink.org
www.mentalhealth.org.uk
www.england.nhs.uk
www.centreformentalhealth.org.uk
www.scottishrecovery.net
www.intentionalpeersupport.org
www.samhsa.gov
www.mentalhealthcommission.ca
www.who.int
www.nsun.org.uk
www.together-uk.org
www.imroc.org
www.peersupportworks.org
www.inaops.org
www.gov.uk
www.kingsfund.org.uk
www.nice.org.uk
www.theguardian.com
www.bbc.co.uk
""")
