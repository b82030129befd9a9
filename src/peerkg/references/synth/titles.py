"""What synthetic titles are made of: topics, settings, populations, designs, book and report titles."""

from __future__ import annotations

from peerkg.references.synth.pools import lines

TOPICS = lines("""
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

SETTINGS = lines("""
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

POPULATIONS = lines("""
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

DESIGNS = lines("""
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

NOUNS = lines("""
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

BOOK_TITLES = lines("""
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

REPORT_TITLES = lines("""
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

WEB_TITLES = lines("""
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

SUBTITLES = lines("""
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

QUOTED = lines("""
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

PLACES_TITLE = lines("""
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
