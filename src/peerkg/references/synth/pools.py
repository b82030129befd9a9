"""What synthetic records are made of: names, titles, venues, publishers, places."""

from __future__ import annotations

import re


def _lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.strip().splitlines() if x.strip())


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"\s+", text.strip()) if w)


FAMILIES = _words("""
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

PARTICLE_FAMILIES = _lines("""
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

GIVEN = _words("""
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

ORGANISATIONS = _lines("""
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
    for x in _lines("""
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

NEWSPAPERS = _lines("""
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
        for x in _lines("""
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

UNIVERSITIES = _lines("""
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

DEGREES = _lines("""
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

DOMAINS = _lines("""
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

# --- titles -------------------------------------------------------------------------------------

TOPICS = _lines("""
peer support
peer support work
peer support workers
intentional peer support
peer-delivered services
peer-led interventions
mutual aid
self-help groups
recovery colleges
lived experience
lived experience practitioners
user involvement
service user involvement
co-production
recovery-oriented practice
personal recovery
social inclusion
shared decision making
stigma and discrimination
self-stigma
hope and empowerment
crisis support
peer-run crisis respites
family peer support
parent peer support
online peer support
digital peer support
peer mentoring
peer navigation
peer specialists
certified peer specialists
mental health advocacy
supported employment
housing first
suicide prevention
harm reduction
trauma-informed care
""")

SETTINGS = _lines("""
inpatient wards
acute mental health wards
community mental health teams
forensic mental health services
high secure hospitals
early intervention in psychosis services
primary care
crisis resolution teams
the voluntary sector
prisons
universities
the NHS
England
Scotland
Ireland
Australia
Canada
the United States
low- and middle-income countries
rural communities
""")

POPULATIONS = _lines("""
people with serious mental illness
adults with severe mental illness
people with psychosis
young people
older adults
veterans
people experiencing homelessness
people who use drugs
new mothers
carers
Black and minority ethnic communities
refugees and asylum seekers
university students
people with bipolar disorder
people with depression
""")

DESIGNS = _lines("""
a systematic review
a systematic review and meta-analysis
a qualitative study
a randomised controlled trial
a randomized controlled trial
a pilot randomised controlled trial
a mixed-methods evaluation
a realist review
a scoping review
a thematic analysis
a cross-sectional survey
a narrative review
an ethnographic study
a protocol for a cluster randomised trial
findings from a national survey
lessons learned
a theoretical perspective
a conceptual framework
a report from the field
an international charter
""")

NOUNS = _lines("""
challenges
barriers and facilitators
experiences
outcomes
role conflict
boundaries
professionalisation
the mechanisms
the value
the impact
the effectiveness
the role
the emergence
the growth
the future
the politics
the ethics
training and supervision
""")

BOOK_TITLES = _lines("""
On our own: patient-controlled alternatives to the mental health system
Social inclusion and recovery: a model for mental health practice
Personal recovery and mental illness: a guide for mental health professionals
Wellbeing, recovery and mental health
Madness made me: a memoir
Intentional peer support: an alternative approach
Beyond the water towers: the unfinished revolution in mental health services 1985-2005
Peer support in mental health
Recovery in mental health: reshaping scientific and clinical responsibilities
The recovery approach in mental health
Experts by experience
Doing peer support
Surviving psychiatry
Mental health service users and their involvement
Psychiatric rehabilitation
Handbook of recovery in mental health
Pathways to recovery: a strengths recovery self-help workbook
Toward a new psychology of women
Asylums: essays on the social situation of mental patients and other inmates
Critical psychiatry: the limits of madness
Peer support work in practice
""")

REPORT_TITLES = _lines("""
No health without mental health: a cross-government mental health outcomes strategy for people of all ages
The five year forward view for mental health
Lived experience leading the way: peer support in mental health
Mental health peer support in England: piecing together the jigsaw
Peer support workers: theory and practice
Peer support workers: a practical guide to implementation
Making recovery a reality
Experts by experience: values framework for peer working
Value of peers
Guidance on community mental health services: promoting person-centred and rights-based approaches
Mental health recovery: what helps and what hinders?
The freedom to be, the chance to dream: preserving user-led peer support in mental health
National guidelines for the peer support workforce
Peer support in the NHS: a workforce development framework
Implementing recovery through organisational change
Guidelines for the practice and training of peer support
Independent review of the Mental Health Act 1983
Mental health strategy 2017-2027
Strategy for mental health and wellbeing 2019-2024
Competencies for peer workers
""")

WEB_TITLES = _lines("""
Peer support
What is peer support?
About peer support
Peer support workers
Our values
Defining peer support
Peer support groups
Recovery and peer support
Become a peer support worker
Mental health statistics
Peer support: frequently asked questions
Find peer support near you
""")

SUBTITLES = _lines("""
views of service users, staff and managers
evidence from a multi-site evaluation in three NHS trusts
a mixed-methods study of implementation, fidelity and outcomes
what do peer workers, clinicians and managers say?
themes from interviews with peer workers, nurses and psychiatrists
an analysis of policy documents, 2000-2020
the view from inside the service
a secondary analysis of trial data
results of a two-year follow-up
a comparison of urban and rural sites
towards a shared language
challenges, tensions and opportunities
more than a job?
from margin to mainstream
reflections on a decade of practice
one size does not fit all
lessons for commissioners, providers and researchers
an exploratory study in two community teams
the case for co-produced research
""")

QUOTED = _lines("""
“peer support”
“recovery”
“lived experience”
‘experts by experience’
‘peer’
"consumer"
'recovery'
‘user involvement’
“nothing about us without us”
'mad'
""")

PLACES_TITLE = _lines("""
Ontario, Canada
Victoria, Australia
Scotland, UK
New York, USA
Lagos, Nigeria
Auckland, New Zealand
Hong Kong, China
Bavaria, Germany
Kerala, India
""")
