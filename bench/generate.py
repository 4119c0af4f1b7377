"""A seeded generator of synthetic practice blogs, labelled like tests/corpus.

Writes a MkDocs Material blog (mkdocs.yml with the caseguard plugin block, docs/blog/posts/...)
and labels/generated.yml in the labelled-corpus format: for every post, `expect: block|pass`,
the rules a consent problem must raise, and every planted client identifier as
{line, text, kind} (line is 1-based in the file on disk, text an exact substring of that line).

Posts are 400-900 words: general posts, practice news, case studies with a valid consent basis
and an allow-listed pseudonym, case studies that leak identifiers of every Safe Harbor kind (in
body text, headings, titles and slugs, image alt text, links, tables, footnotes and HTML
comments), case studies without valid consent, and posts that tell one client's story without
declaring it. Every post carries traps that are not client identifiers: public figures and
cited authors, the practice's own people, address, phone and email, crisis lines, years,
months, weekdays, holidays, states, age ranges, the practice's own event dates.

    python bench/generate.py OUT [--posts 500] [--seed 7] [--practice 0]

The same seed and options always write the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import string
import struct
import zlib
from collections import Counter

# -- the practices (one per generated site) --------------------------------------------------------

PRACTICES = [
    dict(name="Willow Creek Counseling", url="https://willowcreekcounseling.com/", legal="Willow Creek Counseling, PLLC",
         author="Dr. Elena Marsh, PsyD", author_short="Dr. Elena Marsh", author_name="Elena Marsh", author_key="elena",
         colleagues=["Dr. Ben Adeyemi", "Ana Lucero, LPC"], colleague_names=["Ben Adeyemi", "Ana Lucero"],
         city="Bend", state="Oregon", region="Central Oregon", address="415 NW Franklin Ave, Suite 3",
         phone="541-555-0120", email="hello@willowcreekcounseling.com", instagram="willowcreekcounseling",
         category="Case Studies"),
    dict(name="Northfield Family Therapy", url="https://northfieldfamilytherapy.org/", legal="Northfield Family Therapy LLC",
         author="Marcus Lindgren, LMFT", author_short="Marcus Lindgren", author_name="Marcus Lindgren", author_key="marcus",
         colleagues=["Priya Raman, LICSW", "Dr. Joel Haugen"], colleague_names=["Priya Raman", "Joel Haugen"],
         city="Duluth", state="Minnesota", region="the North Shore", address="22 E Superior St, Suite 410",
         phone="(218) 555-0147", email="office@northfieldfamilytherapy.org", instagram="northfieldfamilytherapy",
         category="Client Stories"),
    dict(name="Saltmarsh Psychology", url="https://saltmarshpsychology.com/", legal="Saltmarsh Psychology, P.C.",
         author="Dr. Hannah Okafor, PhD", author_short="Dr. Hannah Okafor", author_name="Hannah Okafor", author_key="hannah",
         colleagues=["Dr. Luis Ferreira", "Keisha Grant, LPC"], colleague_names=["Luis Ferreira", "Keisha Grant"],
         city="Savannah", state="Georgia", region="the Lowcountry", address="118 Abercorn St, Suite 2",
         phone="912-555-0163", email="contact@saltmarshpsychology.com", instagram="saltmarshpsych",
         category="Case Notes"),
]

# -- people and places (fictional; phone numbers in the 555-01xx range) ----------------------------

FEMALE = """Rosa Megan Lauren Priscilla Dana Tessa Carmen Ingrid Naomi Yolanda Bridget Holly Marisol Joanne
Colleen Fatima Keira Lucia Harriet Noelle Wendy Beatriz Corinne Delia Estelle Gwen Imani Janelle Kirsten Lorna
Mireille Nadia Odette Paulina Renata Selma Trudy Vivian Xiomara Zoe Shauna Brianna Ximena Hailey Tamsin""".split()
MALE = """Tomas Derek Kenji Rafael Gordon Malik Elliot Wesley Dmitri Orlando Curtis Desmond Farid Graham Hector
Ivan Jasper Lionel Mateo Nolan Oscar Percy Quentin Rowan Silas Tobias Ulrich Vaughn Warren Yusuf Zane Ambrose
Bennett Cormac Dashiell Emmett Fletcher Gideon Harlan Ignatius Jonah Kofi Leland""".split()
SURNAMES = """Alvarez Kowalski Brennan Okonkwo Lindqvist Castellano Delacroix Haskell Petrakis Mendes Thibodeau
Nakamura Oyelaran Vasquez Whitcomb Zielinski Abernathy Bergstrom Calloway Dunleavy Estrada Fairbanks Gallardo
Holloway Iverson Jaworski Kilpatrick Larkspur Marchetti Novak Ostrowski Pemberton Quintero Rasmussen Szabo
Trevino Underhill Valdivia Wexler Yarborough Achterberg Bouchard Cavanaugh Drummond Eckhardt Finnegan""".split()
TOWNS = """Sisters Redmond Prineville Madras Tumalo Culver Terrebonne Cloverdale Esperanza Hartsville Millbrook
Cedar Falls Fairhaven Glenwood Kettle River Larchmont Maple Hollow Northbridge Oak Bluff Pine Crossing Riverton
Silver Creek Thornbury Wolf Lake Ashby Brookfield Carrollton Dunmore Eastwick Fernley Grantham Hollis
Ironton Jessup Kingsley Linwood Marston Newbury Orland""".split()
TWO_WORD_TOWNS = ["Cedar Falls", "Kettle River", "Maple Hollow", "Oak Bluff", "Pine Crossing", "Silver Creek", "Wolf Lake"]
STREET_WORDS = "Maple Juniper Ridgeview Alder Sumac Hawthorn Larkin Birchwood Quarry Millrace Orchard Tamarack Foxglove Ashgrove Pinecrest".split()
STREET_TYPES = ["Street", "Avenue", "Road", "Lane", "Drive", "Court", "Terrace"]
STREET_ABBR = ["St", "Ave", "Rd", "Ln", "Dr"]
COUNTIES = "Crook Jefferson Harlan Tillman Weld Alcona Pickett Oneida Wasco Benton Marlow Grayson".split()
SCHOOL_WORDS = "Riverbend Lincoln Juniper Hillcrest Crestview Meadowlark Pioneer Westbrook Oakmont Sagebrush".split()
EMPLOYERS = ["Cascade Tire & Auto", "Harbor Freight Lines", "Summit Credit Union", "Pinecone Bakery", "Ridgeline Logistics",
             "Bluebird Dental Group", "Northstar Hardware", "Tidewater Seafood Co.", "Granite Peak Roofing",
             "Lakeside Animal Hospital", "Copperline Brewing", "Meridian Title Company"]
DENOMINATIONS = ["Baptist", "Methodist", "Presbyterian", "Lutheran", "Congregational"]
RELATIVES_F = ["sister", "daughter", "mother", "wife", "aunt", "grandmother", "girlfriend", "niece"]
RELATIVES_M = ["brother", "son", "father", "husband", "uncle", "grandfather", "boyfriend", "nephew"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HOLIDAYS = ["Christmas Eve", "Thanksgiving", "New Year's Eve", "Easter Sunday", "the Fourth of July", "Labor Day"]
AREA_CODES = ["541", "503", "218", "612", "912", "404", "828", "336", "207", "303", "608", "919"]
OCCUPATIONS = ["nurse", "middle-school teacher", "paramedic", "accountant", "line cook", "software developer",
               "high-school counselor", "electrician", "pharmacist", "warehouse supervisor", "graduate student",
               "veterinary technician", "real-estate agent", "bus driver", "hospice chaplain", "firefighter"]
STATES = ["Ohio", "Texas", "Colorado", "Michigan", "Arizona", "Pennsylvania", "Vermont", "New Mexico", "Iowa", "Kentucky"]
WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

# -- topics: what the posts are about ---------------------------------------------------------------

TOPICS = {
    "anxiety": dict(
        tags=["anxiety", "coping skills", "worry"],
        titles=["Why Worry Feels So Urgent (and What Helps)", "Five Grounding Skills for Anxious Days",
                "Anxiety Is Not a Character Flaw", "When Your Mind Won't Stop Planning for Disaster",
                "Making Room for Uncertainty"],
        headings=["What anxiety is trying to do", "Why avoidance backfires", "Skills that help in the moment",
                  "When to reach out"],
        sentences=[
            "Anxiety is, at heart, an alarm system that fires too often and too loudly.",
            "It is trying to protect you, which is why arguing with it rarely works.",
            "Most people I work with have already tried telling themselves to calm down, and it has not helped.",
            "Worry tends to feel productive, as if thinking about a problem long enough will solve it.",
            "The trouble is that the relief avoidance brings lasts only a few minutes, and the fear grows back stronger.",
            "Slow breathing works best when you practise it on calm days, not only in a crisis.",
            "Try lengthening the exhale: in for four counts, out for six, for two or three minutes.",
            "Naming five things you can see and four things you can hear brings attention back to the room.",
            "Cognitive behavioral therapy teaches people to notice anxious predictions and test them gently.",
            "Exposure work is never about forcing yourself into terror; it is about small, chosen steps.",
            "Caffeine, poor sleep and skipped meals can all turn the volume of anxiety up.",
            "A worry period, fifteen minutes a day set aside for worrying on purpose, sounds odd but helps many people.",
            "Physical symptoms such as a racing heart or tight chest are uncomfortable, not dangerous, once a doctor has ruled out other causes.",
            "If anxiety is keeping you from work, school or the people you love, it is worth talking to a professional.",
            "Medication can help too, and that is a conversation to have with a prescriber rather than a blog.",
            "Progress with anxiety usually looks like doing more of your life while the fear is still there.",
        ],
        tips=["Lengthen your exhale for two minutes", "Name what you can see, hear and touch",
              "Write the worry down, then set it aside until your worry period", "Cut back on caffeine after noon",
              "Take one small step toward something you have been avoiding", "Move your body, even for ten minutes"]),
    "grief": dict(
        tags=["grief", "loss", "bereavement"],
        titles=["Grief Doesn't Keep a Schedule", "What to Say to Someone Who Is Grieving",
                "When the Holidays Hurt", "Grief and the Body", "Continuing Bonds: Staying Connected After a Loss"],
        headings=["There is no right way to grieve", "What grief does to the body", "Getting through the hard days",
                  "When grief gets stuck"],
        sentences=[
            "Grief is not a problem to be solved; it is the cost of having loved someone.",
            "The old idea of five neat stages has never matched what most grieving people actually live through.",
            "Many people find that grief comes in waves, quiet for days and then overwhelming in a grocery aisle.",
            "Sleep, appetite and concentration are often the first things to go after a loss.",
            "Anniversaries, birthdays and the winter holidays can bring a fresh surge of sorrow, even years later.",
            "It helps to plan for those days instead of hoping they will pass unnoticed.",
            "Some families keep an empty chair at the table; others light a candle or cook a favourite recipe.",
            "Staying connected to the person you lost is not a failure to move on; researchers call it a continuing bond.",
            "Friends often go quiet because they are afraid of saying the wrong thing.",
            "A simple 'I'm thinking of you today' is almost always welcome.",
            "For a minority of people grief stays intense and disabling for a year or more, and that deserves care.",
            "Grief counselling is not only for the recently bereaved; late grief is real grief.",
            "Losses that others do not recognise, such as a pregnancy, a pet or an estranged parent, can be especially lonely.",
            "Guilt, relief and anger are all common parts of grief, and none of them mean you loved less.",
            "Writing a letter to the person who died is an old exercise, and it still helps.",
        ],
        tips=["Plan ahead for anniversaries", "Let people help with practical tasks", "Keep a small ritual of remembrance",
              "Sleep and eat on a schedule, even when you don't feel like it", "Find one person you can be honest with",
              "Join a grief group"]),
    "couples": dict(
        tags=["couples", "relationships", "communication"],
        titles=["Fighting Fair: A Field Guide for Couples", "The Small Moments That Hold a Marriage Together",
                "When You Keep Having the Same Argument", "Repair Attempts Matter More Than Perfection",
                "Couples Therapy Isn't a Last Resort"],
        headings=["The pattern, not the person", "What repair looks like", "Turning toward each other",
                  "When to get help"],
        sentences=[
            "Most couples who come to therapy are not arguing about what they think they are arguing about.",
            "The dishes, the in-laws and the money are often stand-ins for a deeper question: do you see me?",
            "Criticism, defensiveness, contempt and stonewalling predict trouble far better than the number of fights.",
            "A gentle start-up, raising a complaint without attacking character, changes the whole conversation.",
            "Repair attempts can be clumsy and still work, as long as the other person accepts them.",
            "Partners who turn toward small bids for attention build up a reserve of goodwill.",
            "Taking a twenty-minute break when you are flooded is not walking away; it is coming back able to listen.",
            "Many couples wait six years or more after problems start before they ask for help.",
            "Emotionally focused therapy helps partners name the fear underneath the anger.",
            "A weekly check-in of fifteen minutes, with phones in another room, is a small habit with a large payoff.",
            "Couples therapy is not about deciding who is right; the relationship is the client.",
            "Sometimes therapy helps a couple separate with less damage, and that is a good outcome too.",
            "Affection, curiosity and humour are skills that can be relearned after years of stress.",
            "If there is violence or fear in the relationship, individual safety planning comes before couples work.",
        ],
        tips=["Start complaints gently", "Take breaks when flooded, and say when you'll come back",
              "Notice and answer small bids for attention", "Keep a weekly check-in", "Say thank you out loud",
              "Ask open questions about each other's day"]),
    "depression": dict(
        tags=["depression", "mood", "behavioral activation"],
        titles=["Depression Lies: Notes on Getting Moving Again", "Behavioral Activation in Plain Language",
                "When Everything Feels Heavy", "The Difference Between Sadness and Depression", "Small Steps Out of a Low Mood"],
        headings=["How depression works", "Action before motivation", "Building a week that helps", "Getting support"],
        sentences=[
            "Depression is more than sadness: it flattens interest, drains energy and tells convincing lies.",
            "One of its cruellest tricks is convincing you that nothing will help, so why try.",
            "Behavioral activation starts from a simple observation: motivation often follows action, not the other way round.",
            "The first steps are deliberately small, such as a shower, a walk to the mailbox or a text to a friend.",
            "Tracking mood alongside activities for a week often shows patterns people had not noticed.",
            "Sleep that is too long can deepen a low mood as much as sleep that is too short.",
            "Rumination feels like problem-solving, but it mostly keeps the mood where it is.",
            "Self-criticism is common in depression, and learning to speak to yourself as a friend would is part of recovery.",
            "Therapy and medication both help, and for many people the combination helps most.",
            "Depression is common, treatable and nothing to be ashamed of.",
            "Exercise is not a cure, but regular movement has real effects on mood.",
            "Isolation and depression feed each other, so reaching out, even briefly, matters.",
            "If thoughts of suicide come up, please tell someone and use the crisis resources at the end of this post.",
            "Recovery is rarely a straight line; good weeks and bad weeks both belong to it.",
        ],
        tips=["Schedule one small pleasant activity a day", "Get outside in daylight", "Keep regular sleep and wake times",
              "Text one person", "Notice self-critical thoughts and answer them kindly", "Break big tasks into tiny steps"]),
    "adhd": dict(
        tags=["ADHD", "adults", "executive function"],
        titles=["Adult ADHD: More Than Losing Your Keys", "Why Willpower Isn't the Answer for ADHD",
                "Time Blindness and How to Work With It", "Getting Diagnosed With ADHD as an Adult", "ADHD and Shame"],
        headings=["What ADHD looks like in adults", "Outside structure beats inside effort", "Tools that help",
                  "About diagnosis"],
        sentences=[
            "ADHD in adults often looks less like hyperactivity and more like chronic overwhelm.",
            "Many adults reach a diagnosis only after years of being called lazy, careless or a daydreamer.",
            "It is a difference in how attention and motivation are regulated, not a lack of intelligence or effort.",
            "Time blindness, the sense that there is only now and not now, makes deadlines feel unreal until they are urgent.",
            "External structure works better than trying harder: alarms, visible calendars, body doubling.",
            "Breaking tasks into the very first physical step lowers the wall of starting.",
            "Shame is often the heaviest part, and therapy can help untangle it from the symptoms.",
            "A good evaluation looks at childhood history, current impairment and other explanations such as anxiety or sleep problems.",
            "Medication is effective for many adults, and the decision belongs to you and a prescriber.",
            "Coaching and cognitive behavioral therapy adapted for ADHD both have research support.",
            "Hyperfocus is real too, and it can be an asset once you learn to aim it.",
            "Relationships can suffer when one partner becomes the household's memory, and couples work can help.",
            "Exercise, sleep and regular meals matter more for ADHD brains than most people expect.",
        ],
        tips=["Use visible timers", "Put the first step where you will see it", "Try body doubling for boring tasks",
              "Keep one calendar, not three", "Pair dull tasks with music", "Build in buffer time between appointments"]),
    "trauma": dict(
        tags=["trauma", "PTSD", "nervous system"],
        titles=["What Trauma Does to the Nervous System", "Healing From Trauma Isn't About Forgetting",
                "Understanding Triggers", "Why You Froze, and Why It Wasn't Your Fault", "Trauma Therapy: What to Expect"],
        headings=["The body remembers", "Fight, flight and freeze", "How trauma therapy works", "Safety first"],
        sentences=[
            "Trauma is not defined by the event alone but by how overwhelming it was for the person who lived it.",
            "Freezing during danger is an automatic survival response, not a choice and not a failure.",
            "After trauma the nervous system can stay on high alert long after the danger has passed.",
            "Triggers are reminders, often sensory, that set off the old alarm before thinking can catch up.",
            "Good trauma therapy starts with stability and safety, not with retelling the worst moments.",
            "Prolonged exposure, cognitive processing therapy and EMDR all have strong research support.",
            "Grounding skills help bring the body back into the present when memories intrude.",
            "Nightmares, irritability and feeling numb are common after trauma and they do respond to treatment.",
            "Healing does not mean forgetting; it means the memory stops running your present.",
            "Shame often travels with trauma, and it tends to shrink when it is spoken aloud to someone safe.",
            "Complex trauma, from harm repeated over years, usually needs a longer and gentler pace.",
            "You get to decide how much of your story you tell and when.",
            "Sleep, movement and connection are part of trauma recovery, not extras.",
        ],
        tips=["Notice your early warning signs", "Keep a grounding object in your pocket", "Practise slow breathing daily",
              "Tell one safe person when you are triggered", "Protect your sleep", "Go at your own pace"]),
    "parenting": dict(
        tags=["parenting", "teens", "families"],
        titles=["Talking With Teens Without a Lecture", "When Your Child Is Anxious About School",
                "Screens, Sleep and the Family Phone Basket", "Parenting a Child Who Melts Down", "Repair After Yelling"],
        headings=["Connection before correction", "What anxious kids need", "Practical routines", "Looking after yourself"],
        sentences=[
            "Teenagers tend to talk more side by side, in the car or over a shared task, than face to face.",
            "Validation is not agreement; it is letting a child know their feelings make sense.",
            "Anxious children need warmth and confidence from their parents at the same time.",
            "Accommodating every fear brings short-term peace and long-term growth of the anxiety.",
            "Parent-based treatments such as the SPACE program help parents step back from accommodation without conflict.",
            "Phones in a basket outside the bedroom at night is one of the simplest sleep interventions there is.",
            "Meltdowns are usually a sign that a child is overwhelmed, not that they are manipulating you.",
            "Every parent yells sometimes, and the repair afterwards teaches more than the yelling did.",
            "Consistent routines around mornings and bedtime lower the number of daily battles.",
            "Praise the effort you want to see more of, specifically and soon.",
            "Teens need growing privacy, and also clear limits around safety.",
            "Parents who look after their own stress are better able to stay calm with their children.",
            "If a child talks about wanting to die, take it seriously and get help the same day.",
        ],
        tips=["Talk in the car", "Validate first, problem-solve second", "Keep a phone basket at night",
              "Announce changes to routines in advance", "Repair after conflict", "Schedule one-to-one time"]),
    "burnout": dict(
        tags=["burnout", "work", "stress"],
        titles=["Burnout Is Not a Personal Failing", "Rest Is a Skill", "Boundaries at Work Without Guilt",
                "Compassion Fatigue in the Helping Professions", "Coming Back From Burnout"],
        headings=["What burnout is", "The three signs", "Changing the work, not only the worker", "Recovery takes time"],
        sentences=[
            "Burnout is an occupational phenomenon: exhaustion, cynicism and a sense of not accomplishing much.",
            "It is usually a mismatch between a person and the conditions of their work, not a weakness.",
            "Helping professionals, teachers and caregivers are especially at risk.",
            "A week of vacation helps for a few days, but burnout returns if nothing about the work changes.",
            "Workload, lack of control, poor reward, broken community, unfairness and value conflicts are the usual culprits.",
            "Rest is not only sleep; it includes breaks from decisions, from screens and from other people's needs.",
            "Boundaries such as a set end to the workday protect the parts of life that refill you.",
            "Cynicism often shows up first as dark humour and dread on Sunday evenings.",
            "Compassion fatigue can make caring people feel numb toward the very people they want to help.",
            "Recovery from serious burnout usually takes months, not a long weekend.",
            "Talking with a therapist can help sort out which parts of the situation you can change.",
            "Sometimes the healthiest move is a new role, and sometimes it is a conversation with a manager.",
        ],
        tips=["Set an end time for work", "Take real breaks away from screens", "Say no to one thing this week",
              "Notice Sunday-evening dread", "Reconnect with a value your work once served", "Talk to your manager about workload"]),
    "sleep": dict(
        tags=["sleep", "insomnia", "CBT-I"],
        titles=["Insomnia: Why Trying Harder Makes It Worse", "CBT for Insomnia, Explained",
                "Racing Thoughts at Bedtime", "Sleep and Mood Are Closely Linked", "A Wind-Down Routine That Works"],
        headings=["How insomnia takes hold", "Stimulus control", "Quieting the mind", "When to see someone"],
        sentences=[
            "Insomnia often begins with a stressful event and continues because of the habits we build to cope with it.",
            "Lying in bed awake for hours teaches the brain that bed is a place for worrying.",
            "Cognitive behavioral therapy for insomnia is the first-line treatment, ahead of sleep medication.",
            "Getting up when you cannot sleep after about twenty minutes feels wrong but retrains the brain.",
            "A consistent wake time, even on weekends, anchors the body clock.",
            "Screens are less of a problem than the alertness of what we do on them.",
            "Writing tomorrow's to-do list before bed moves worries onto paper.",
            "Alcohol helps people fall asleep and then fragments the second half of the night.",
            "Naps can help or hurt, depending on their length and timing.",
            "Sleep and mood affect each other in both directions, so treating one often helps the other.",
            "Snoring with daytime sleepiness deserves a medical evaluation for sleep apnea.",
            "Most people need seven to nine hours, but the quality of sleep matters as much as the amount.",
        ],
        tips=["Keep the same wake time every day", "Get up if you can't sleep", "Write tomorrow's list before bed",
              "Get morning light", "Keep the bedroom cool and dark", "Limit alcohol in the evening"]),
    "self-compassion": dict(
        tags=["self-compassion", "shame", "perfectionism"],
        titles=["Self-Compassion Isn't Self-Pity", "Talking to Yourself Like a Friend",
                "Perfectionism and the Fear of Being Ordinary", "Shame Thrives in Silence", "Why Being Hard on Yourself Doesn't Work"],
        headings=["The inner critic", "What self-compassion is", "Practices to try", "Letting go of perfect"],
        sentences=[
            "Many people believe their harsh inner critic is the only thing keeping them productive.",
            "Research suggests the opposite: self-compassion makes people more likely to try again after failure.",
            "Self-compassion has three parts: kindness toward yourself, a sense of common humanity and mindful awareness.",
            "It is not letting yourself off the hook; it is staying on your own side while you make amends.",
            "Perfectionism often grows in families or schools where love or safety seemed to depend on performance.",
            "A useful question is: what would I say to a friend in exactly this situation?",
            "Placing a hand on your chest during a hard moment sounds simple and can calm the body.",
            "Shame says 'I am bad'; guilt says 'I did something bad', and guilt is easier to act on.",
            "Shame loses power when it is shared with someone who responds with empathy.",
            "Good enough is a legitimate goal for most of what we do in a week.",
            "Self-compassion can feel uncomfortable at first, especially for people who were rarely shown it.",
            "A short self-compassion break, three sentences said slowly, can interrupt a spiral.",
        ],
        tips=["Ask what you'd say to a friend", "Try a three-sentence self-compassion break", "Notice the critic's tone",
              "Aim for good enough on one task", "Share one embarrassment with someone safe", "Rest without earning it"]),
}

# Sentences about therapy in general, used once a post's own topic has been covered.
GENERAL = [
    "Therapy works best when it is a collaboration, with goals you choose and can describe in your own words.",
    "The fit between client and therapist predicts outcomes about as well as the type of therapy does.",
    "It is completely fine to ask a therapist about their training, their approach and their fees before you start.",
    "Most people notice some change within the first eight to twelve sessions, though deeper work takes longer.",
    "Change rarely happens in the session itself; it happens in the week between sessions.",
    "Small experiments teach more than big resolutions.",
    "Noticing a pattern is the first step, and it often feels like nothing is changing while it is happening.",
    "Sleep, movement, food and connection are the unglamorous foundations of mental health.",
    "A setback is information about what to adjust, not proof that nothing works.",
    "Writing things down, even a line a day, makes patterns much easier to see.",
    "Friends and family can help, but they cannot be your only support without both sides wearing thin.",
    "What we practise when we are calm is what is available to us when we are not.",
    "It is normal to feel worse for a short while when you start talking about hard things.",
    "You do not need to be in crisis to deserve support.",
    "Therapy is confidential, with a few legal exceptions that a good therapist explains at the first session.",
    "Telehealth has turned out to be as effective as in-person therapy for many concerns.",
    "Online screening tools can be a useful starting point but are not a diagnosis.",
    "Cultural background shapes how distress shows up and what kind of help feels right.",
    "Some people prefer short-term, skills-focused work; others want space to explore over a longer time.",
    "Ending therapy well, with a plan for setbacks, is part of the work too.",
    "Practising a new skill feels awkward at first, the way any new habit does.",
    "Paying attention to the body, such as tight shoulders or a clenched jaw, is often the earliest warning sign.",
    "Boundaries are not walls; they are information about what you can and cannot do.",
    "The stories we tell ourselves about our struggles matter as much as the struggles themselves.",
    "Curiosity is usually more useful than judgement when you are trying to understand your own reactions.",
    "Progress is easier to see when you look back over months rather than days.",
    "Many insurance plans cover therapy, and many therapists offer a sliding scale.",
    "A good first session is mostly about getting to know each other and deciding whether to continue.",
    "Medication and therapy are not rivals; for many conditions they work well together.",
    "There is no prize for struggling alone.",
]

# -- traps: true statements that are not client identifiers ------------------------------------------

PUBLIC_FIGURES = [
    "Carl Rogers called this unconditional positive regard, and it is still the heart of good therapy.",
    "Brené Brown's research on shame changed how many of us talk about vulnerability.",
    "As Viktor Frankl wrote, between stimulus and response there is a space, and in that space is our freedom.",
    "Aaron Beck developed cognitive therapy in the 1960s after noticing how automatic thoughts shaped mood.",
    "Kristin Neff's work at the University of Texas at Austin made self-compassion a research topic.",
    "John Gottman and Robert Levenson spent decades studying couples in what became known as the Love Lab.",
    "Marsha Linehan developed dialectical behavior therapy, and later spoke publicly about her own hospitalisation.",
    "Bessel van der Kolk's book The Body Keeps the Score brought trauma research to a wide audience.",
    "Simone Biles withdrew from events at the Tokyo Olympics in 2021 to protect her mental health.",
    "Michael Phelps has spoken openly about depression after the 2012 Games.",
    "Irvin Yalom once wrote that it is the relationship that heals.",
    "Sue Johnson's emotionally focused therapy grew out of attachment research.",
    "Esther Perel has written about how desire and security pull against each other in long relationships.",
    "Kessler et al. (2005) estimated that about half of all lifetime mental disorders begin by age fourteen.",
    "Russell Barkley describes ADHD as a disorder of performance, not of knowledge.",
    "Stroebe and Schut's dual process model describes grief as a movement between loss and restoration.",
    "Naomi Osaka's decision to skip press conferences at the French Open in 2021 started a public conversation about athletes and anxiety.",
    "Mary Oliver asked what you plan to do with your one wild and precious life.",
    "Smith et al. (2019) found that shame keeps many people from seeking therapy at all.",
    "Francine Shapiro developed EMDR in the late 1980s.",
]
HOLIDAY_TRAPS = [
    "Thanksgiving and the weeks after it are often the hardest stretch of the year for people who are grieving.",
    "Mother's Day can be complicated for anyone whose relationship with their mother was painful.",
    "Many people find the winter holidays lonelier than they expect.",
    "Valentine's Day brings more couples into therapy than you might think.",
    "Christmas can be joyful and exhausting in the same afternoon.",
    "New Year's resolutions fail most often in the second week of January, which says more about resolutions than about people.",
    "Monday mornings are when many people notice their dread most clearly.",
    "Every October, ADHD Awareness Month brings a wave of questions about adult diagnosis.",
    "May is Mental Health Awareness Month.",
    "Last week I was reminded how much a single kind sentence can matter.",
]
STAT_TRAPS = [
    "A 2023 survey of 1,200 adults found that most had delayed care because of cost.",
    "The DSM-5-TR, published in 2022, added prolonged grief disorder as a diagnosis.",
    "Since 2020 the number of adults reporting anxiety symptoms has risen sharply.",
    "Research on adults over 65 links loneliness to real health risks.",
    "Teens aged 13 to 17 may need a parent's consent to start therapy, depending on the state.",
    "A 2019 meta-analysis of 30 trials found moderate effects for online therapy.",
    "In one 2021 study, people who kept a sleep schedule for 90 days reported better mood.",
    "About one in five adults lives with a mental health condition in a given year.",
    "The World Health Organization recognised burnout as an occupational phenomenon in 2019.",
    "In the 1980s, researchers began to describe panic disorder as a fear of bodily sensations.",
]
WORD_TRAPS = [
    "Hope is not a mood you wait for; it is something you practise.",
    "Grace, in this sense, is something we extend to ourselves as well as others.",
    "Will power is overrated as a strategy for change.",
    "Faith communities can be a source of support, and sometimes a source of pain.",
    "Mark your calendar for the small wins, not only the big ones.",
    "Joy and grief can share the same room.",
]
AGGREGATE_TRAPS = [
    "Many of my clients tell me they waited years before making the first call.",
    "If you're a client of mine reading this, none of this is about you in particular.",
    "Imagine a client who has tried every productivity app there is and still feels behind.",
    "Some people tell me they feel silly doing breathing exercises at first.",
    "Clients often ask whether what they are feeling is normal, and the answer is usually yes.",
    "Over the years I've noticed that the people who struggle most with rest are often the most conscientious.",
]
REGION_TRAPS = [
    "I see clients in person and by telehealth anywhere in {state}.",
    "Studies from Denmark and Norway suggest that paid parental leave protects new parents' mental health.",
    "Winters in {region} are long, and seasonal low mood is common here.",
    "Telehealth means that clients across {state} can see us without a long drive.",
    "Research in Canada and the United Kingdom has found similar patterns.",
]


# -- markup helpers ----------------------------------------------------------------------------------

_MARK = re.compile(r"⟦([a-z0-9-]+)\|(.*?)⟧")


def mark(kind: str, text: str) -> str:
    """A planted identifier: labelled in the output and written as plain text."""
    return f"⟦{kind}|{text}⟧"


def words_of(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*", _MARK.sub(lambda m: m.group(2), text)))


class Person:
    """A client in a story: a name (plain, or marked as an identifier) and pronouns."""

    def __init__(self, rng: random.Random, allowed: bool, female: bool | None = None):
        self.female = rng.random() < 0.55 if female is None else female
        self.name = rng.choice(FEMALE if self.female else MALE)
        self.surname = rng.choice(SURNAMES)
        self.allowed = allowed  # a pseudonym the post lists in caseguard.allow
        self.sub, self.obj, self.pos = ("she", "her", "her") if self.female else ("he", "him", "his")

    @property
    def P(self) -> str:  # noqa: N802
        return self.name if self.allowed else mark("person-name", self.name)

    def fill(self, template: str, **extra) -> str:
        values = dict(P=self.P, sub=self.sub, obj=self.obj, pos=self.pos, Sub=self.sub.capitalize(),
                      Pos=self.pos.capitalize(), Obj=self.obj.capitalize(), **extra)
        return template.format(**values)


# -- identifier generators: each returns one sentence about the client with marked identifiers --------

def _phone(rng):
    area = rng.choice(AREA_CODES)
    number = f"555-01{rng.randint(10, 99)}"
    style = rng.random()
    if style < 0.5:
        return f"{area}-{number}"
    if style < 0.8:
        return f"({area}) {number}"
    return f"{area}.{number.replace('-', '.')}"


def _ssn(rng):
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _email(rng, person):
    first, last = person.name.lower(), person.surname.lower()
    user = rng.choice([f"{first}.{last}{rng.randint(1, 99)}", f"{first}{last[0]}{rng.randint(70, 99)}",
                       f"{first}_{rng.choice(['runs', 'paints', 'writes', 'bakes', 'hikes'])}", f"{first[0]}{last}"])
    return f"{user}@{rng.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'proton.me'])}"


def _ip(rng):
    return ".".join(str(x) for x in (rng.choice([24, 68, 73, 98, 107, 174, 184]), rng.randint(1, 254),
                                     rng.randint(0, 254), rng.randint(1, 254)))


def _alnum(rng, letters: int, digits: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(letters)) + \
        "".join(rng.choice(string.digits) for _ in range(digits))


def _vin(rng):
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return "1" + rng.choice("FGHN") + "".join(rng.choice(chars) for _ in range(9)) + "".join(
        rng.choice(string.digits) for _ in range(6))


def _town(rng):
    return rng.choice(TOWNS + TWO_WORD_TOWNS)


def _day(rng):
    d = rng.randint(1, 28)
    suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return d, suffix


def _relative(rng):
    female = rng.random() < 0.5
    return rng.choice(RELATIVES_F if female else RELATIVES_M), rng.choice(FEMALE if female else MALE)


def gen_person_name(rng, c: Person):
    rel, name = _relative(rng)
    surname = rng.choice(SURNAMES)
    options = [
        lambda: c.fill("{Pos} " + rel + ", " + mark("person-name", name) + ", came with {obj} to the third session."),
        lambda: c.fill("It was {pos} " + rel + " " + mark("person-name", name) + " who first suggested therapy."),
        lambda: c.fill("My client " + mark("person-name", f"{c.name} {c.surname}") + " agreed that I could share this."),
        lambda: c.fill("{Pos} mother, " + mark("person-name", f"Mrs. {surname}") + ", called before the first session to ask whether she could sit in."),
        lambda: c.fill("{P} had worked at " + mark("person-name", rng.choice(EMPLOYERS)) + " for eleven years when the panic started."),
        lambda: c.fill("{Pos} boss at " + mark("person-name", rng.choice(EMPLOYERS)) + " told {obj} to take a leave of absence."),
        lambda: c.fill("{Pos} " + rel + ", whom the family calls " + mark("person-name", rng.choice("BCDGJKLMRT") + ".") + ", had been sober for a year."),
        lambda: c.fill("When {sub} signed the intake form as " + mark("person-name", f"{c.name} {c.surname}") + ", {sub} paused over the emergency contact line."),
        lambda: c.fill("{Pos} best friend " + mark("person-name", f"{name} {rng.choice(SURNAMES)}") + " drove {obj} to most of our appointments."),
        lambda: c.fill("Mr. " + mark("person-name", surname) + ", {pos} father, still keeps every report card in a shoebox."),
    ]
    return rng.choice(options)()


def gen_location(rng, c: Person):
    town = _town(rng)
    options = [
        lambda: c.fill("{P} grew up in " + mark("location", town) + " and still lives two streets from {pos} mother."),
        lambda: c.fill("{Sub} lives on " + mark("location", f"{rng.choice(STREET_WORDS)} {rng.choice(STREET_TYPES)}") + ", a short walk from the river."),
        lambda: c.fill("{Pos} apartment at " + mark("location", f"{rng.randint(12, 4800)} {rng.choice(STREET_WORDS)} {rng.choice(STREET_ABBR)}") + " flooded twice that spring."),
        lambda: c.fill("{Sub} teaches fourth grade at " + mark("location", f"{rng.choice(SCHOOL_WORDS)} Elementary") + "."),
        lambda: c.fill("{Pos} son had just started at " + mark("location", f"{rng.choice(SCHOOL_WORDS)} Middle School") + ", and mornings were a battle."),
        lambda: c.fill("{Pos} family has belonged to " + mark("location", f"First {rng.choice(DENOMINATIONS)} Church of {town}") + " for three generations."),
        lambda: c.fill("{Sub} drives in from " + mark("location", f"{rng.choice(COUNTIES)} County") + " every Thursday, almost an hour each way."),
        lambda: c.fill("{Sub} mentioned that {sub} had moved to ZIP code " + mark("location", f"{rng.randint(10, 99)}{rng.randint(100, 999)}") + " to be closer to {pos} sister."),
        lambda: c.fill("After the divorce {sub} moved to " + mark("location", town) + ", where nobody knew {obj}."),
        lambda: c.fill("{Sub} commutes from " + mark("location", town) + " on the early bus."),
    ]
    return rng.choice(options)()


def gen_date(rng, c: Person):
    d, th = _day(rng)
    month = rng.choice(MONTHS)
    year = rng.randint(2018, 2025)
    options = [
        lambda: c.fill("On " + mark("date", f"{month} {d}{th}") + ", {sub} told me {sub} had been sober for a year."),
        lambda: c.fill("{Sub} was born on " + mark("date", f"{month} {d}, {rng.randint(1960, 2004)}") + ", the same week {pos} grandfather died."),
        lambda: c.fill("{Sub} was admitted to the psychiatric unit on " + mark("date", f"{rng.randint(1, 12)}/{d}/{year}") + "."),
        lambda: c.fill("{Pos} father died on " + mark("date", f"{rng.choice(HOLIDAYS[:4])}, {year}") + ", and the holidays have been hard ever since."),
        lambda: c.fill("Our last session was " + rng.choice(WEEKDAYS[:5]) + ", " + mark("date", f"{month} {d}") + "."),
        lambda: c.fill("{Pos} discharge date, " + mark("date", f"{year}-{rng.randint(1, 12):02d}-{d:02d}") + ", is written inside the cover of {pos} journal."),
        lambda: c.fill("The accident happened on " + mark("date", f"{month} {d}, {year}") + ", a little after six in the evening."),
        lambda: c.fill("{Sub} stopped drinking on " + mark("date", f"the {d}{th} of {month}") + " and has counted the days since."),
    ]
    return rng.choice(options)()


def gen_age(rng, c: Person):
    age = rng.randint(90, 104)
    rel = rng.choice(["grandmother", "grandfather", "mother", "father", "great-aunt"])
    word = "ninety-" + rng.choice(WORDS)
    options = [
        lambda: c.fill("{Pos} " + rel + ", now " + mark("age-over-89", f"{age} years old") + ", still lives alone."),
        lambda: c.fill("{Sub} had been caring for {pos} " + mark("age-over-89", f"{age}-year-old") + " " + rel + " for three years."),
        lambda: c.fill("{Pos} " + rel + ", aged " + mark("age-over-89", str(age)) + ", moved in with the family last spring."),
        lambda: c.fill("{Pos} " + rel + " is in " + ("her" if rel in ("grandmother", "mother", "great-aunt") else "his") + " " + mark("age-over-89", rng.choice(["early nineties", "mid-nineties", "late nineties"])) + " and no longer recognises anyone."),
        lambda: c.fill("{Pos} " + rel + " turned " + mark("age-over-89", word) + " this spring."),
        lambda: c.fill("{Pos} " + rel + ", " + mark("age-over-89", f"born in {rng.randint(1924, 1934)}") + ", served in Korea and never talked about it."),
    ]
    return rng.choice(options)()


def gen_phone(rng, c: Person):
    phone = _phone(rng)
    options = [
        lambda: c.fill("{Sub} left {pos} cell number, " + mark("phone", phone) + ", on my voicemail that night."),
        lambda: c.fill("{Pos} ex kept calling from " + mark("phone", phone) + " during our sessions."),
        lambda: c.fill("{Sub} texted me from a new number, " + mark("phone", phone) + ", after {pos} phone was stolen."),
        lambda: c.fill("The pharmacy had {pos} number on file as " + mark("phone", phone) + ", which was why the refill reminders never came."),
    ]
    return rng.choice(options)()


def gen_fax(rng, c: Person):
    fax = _phone(rng)
    options = [
        lambda: c.fill("{Pos} employer faxed the leave form from " + mark("fax", fax) + " the next day."),
        lambda: c.fill("{Pos} lawyer's office sent the records by fax from " + mark("fax", fax) + "."),
        lambda: c.fill("The HR fax at {pos} job, " + mark("fax", fax) + ", was the only way they would accept the letter."),
    ]
    return rng.choice(options)()


def gen_email(rng, c: Person):
    email = _email(rng, c)
    options = [
        lambda: c.fill("{Sub} wrote to me from " + mark("email", email) + " after our first session."),
        lambda: c.fill("The next morning an email arrived from " + mark("email", email) + " with a single line: thank you."),
        lambda: c.fill("{Sub} asked me to send the worksheets to " + mark("email", email) + " rather than the portal."),
    ]
    return rng.choice(options)()


def gen_ssn(rng, c: Person):
    ssn = _ssn(rng)
    options = [
        lambda: c.fill("The disability form still showed {pos} SSN, " + mark("ssn", ssn) + ", in the corner."),
        lambda: c.fill("{Sub} read {pos} Social Security number, " + mark("ssn", ssn) + ", aloud to the insurer while we waited on hold."),
        lambda: c.fill("{Pos} social security number " + mark("ssn", ssn) + " was printed on the letter {sub} brought in."),
    ]
    return rng.choice(options)()


def gen_record(rng, c: Person):
    options = [
        lambda: c.fill("{Pos} MRN, " + mark("record-number", "".join(rng.choice(string.digits) for _ in range(8))) + ", was printed on every page of the discharge summary."),
        lambda: c.fill("{Pos} member ID is " + mark("record-number", _alnum(rng, 3, 9)) + " on the insurance card {sub} photographed for me."),
        lambda: c.fill("The court paperwork listed case number " + mark("record-number", f"{rng.randint(19, 25)}-CV-{rng.randint(1000, 99999)}") + "."),
        lambda: c.fill("{Sub} read me {pos} driver's license number, " + mark("record-number", f"{rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}") + ", by mistake."),
        lambda: c.fill("The denial letter quoted {pos} policy number " + mark("record-number", _alnum(rng, 2, 8)) + " three times."),
        lambda: c.fill("{Pos} Medicaid ID, " + mark("record-number", _alnum(rng, 1, 9)) + ", was on the referral from {pos} doctor."),
    ]
    return rng.choice(options)()


def gen_vehicle(rng, c: Person):
    plate = rng.choice([f"{_alnum(rng, 3, 0)}-{rng.randint(1000, 9999)}", f"{rng.randint(1, 9)}{_alnum(rng, 3, 3)}",
                        f"{_alnum(rng, 3, 0)} {rng.randint(100, 999)}"])
    options = [
        lambda: c.fill("{Pos} car, plate " + mark("vehicle", plate) + ", was still in the hospital lot two days later."),
        lambda: c.fill("The tow receipt {sub} showed me listed the VIN " + mark("vehicle", _vin(rng)) + "."),
        lambda: c.fill("{Sub} could still recite {pos} old truck's license plate, " + mark("vehicle", plate) + ", years after selling it."),
    ]
    return rng.choice(options)()


def gen_device(rng, c: Person):
    options = [
        lambda: c.fill("{Pos} insulin pump, serial number " + mark("device", f"{_alnum(rng, 2, 4)}-{rng.randint(10000, 99999)}") + ", alarmed twice during our session."),
        lambda: c.fill("{Sub} read out {pos} phone's IMEI " + mark("device", "".join(rng.choice(string.digits) for _ in range(15))) + " to prove it was being tracked."),
        lambda: c.fill("The ankle monitor, unit " + mark("device", _alnum(rng, 2, 7)) + ", buzzed whenever {sub} sat near the window."),
        lambda: c.fill("{Pos} hearing aid, serial no. " + mark("device", _alnum(rng, 3, 6)) + ", whistled whenever {sub} leaned back."),
    ]
    return rng.choice(options)()


def gen_url(rng, c: Person):
    first, last = c.name.lower(), c.surname.lower()
    handle = f"{first}.{rng.choice(['paints', 'runs', 'bakes', 'writes'])}.{rng.choice(['pdx', 'mn', 'sav', 'daily'])}"
    options = [
        lambda: c.fill("{Sub} posts {pos} paintings as " + mark("url", "@" + handle) + " on Instagram."),
        lambda: c.fill("{Pos} brother set up a fundraiser at " + mark("url", f"https://www.gofundme.com/f/help-{first}-{last}-recover") + " after the crash."),
        lambda: c.fill("The obituary is still online at " + mark("url", f"https://www.legacy.com/us/obituaries/name/{rng.choice(FEMALE + MALE).lower()}-{last}-obituary?id={rng.randint(10000000, 99999999)}") + "."),
        lambda: c.fill("{Sub} sent me a link to {pos} running blog, " + mark("url", f"https://{first}{last}runs.wordpress.com") + ", before our second session."),
        lambda: c.fill("{Pos} profile, " + mark("url", f"https://www.facebook.com/{first}.{last}.{rng.randint(10, 999)}") + ", is still public."),
    ]
    return rng.choice(options)()


def gen_ip(rng, c: Person):
    ip = _ip(rng)
    options = [
        lambda: c.fill("The harassing emails all came from " + mark("ip-address", ip) + ", according to the police report {sub} showed me."),
        lambda: c.fill("{Pos} ex had logged into {pos} accounts from " + mark("ip-address", ip) + ", which the bank flagged."),
        lambda: c.fill("The router log {sub} printed out showed a stranger's device at " + mark("ip-address", ip) + " every night."),
    ]
    return rng.choice(options)()


GENERATORS = {
    "person-name": gen_person_name, "location": gen_location, "date": gen_date, "age-over-89": gen_age,
    "phone": gen_phone, "fax": gen_fax, "email": gen_email, "ssn": gen_ssn, "record-number": gen_record,
    "vehicle": gen_vehicle, "device": gen_device, "url": gen_url, "ip-address": gen_ip,
}
KINDS = list(GENERATORS)
# Names, places and dates are what real case studies leak most; weight them accordingly.
KIND_WEIGHTS = {"person-name": 4, "location": 3, "date": 3, "age-over-89": 1.5}


# -- case narratives -----------------------------------------------------------------------------

CASE_OPENERS = [
    "{P} was in {pos} {decade} when {sub} first called the practice, a {job} who had moved here from {state} years earlier.",
    "When {P} first came in, {sub} had been putting off the call for most of a year.",
    "{P} is a {job} in {pos} {decade}, and {sub} came to therapy because, in {pos} words, something had to change.",
    "I met {P} in the spring of {year}, a few months after {pos} {relative} had moved back home.",
    "{P} found us through a search late one night, after a week in which {sub} had barely slept.",
]
CASE_BODY = {
    "anxiety": [
        "{P} described mornings that started with dread before {sub} had even opened {pos} eyes.",
        "{Sub} had stopped driving on the highway, then stopped driving after dark, and then mostly stopped driving at all.",
        "We started by mapping what {sub} avoided, from the easiest item to the hardest.",
        "The first exposure was sitting in a parked car for ten minutes, and {sub} was proud of it.",
        "Over the next weeks {P} practised slow breathing at red lights and noticed the fear peak and pass.",
        "By our twelfth session {sub} drove to a friend's house across town, alone, at night.",
    ],
    "grief": [
        "{P} had been the main caregiver through a long illness, and after the funeral {sub} felt nothing at all.",
        "The grief arrived months later, in the cereal aisle, and {sub} left a full cart and drove home.",
        "We made room for both the sorrow and the relief, which {sub} had been too ashamed to mention.",
        "{Sub} began writing letters that {sub} never sent, one a week, and bringing them to session.",
        "The first anniversary was the hardest day, and we planned it together a month ahead.",
        "These days {P} keeps a small ritual on Sunday evenings: a candle, a song, ten minutes of remembering.",
    ],
    "couples": [
        "{P} and {pos} partner had been having the same argument about money for six years.",
        "In our first joint session they each described the other as the one who started it.",
        "We slowed the fights down until they could see the pattern: one pursued, the other withdrew.",
        "{P} learned to ask for what {sub} needed without the opening criticism.",
        "The turning point came when {pos} partner said, quietly, that {sub} had been lonely for years.",
        "They still argue, but now they come back to each other within the hour.",
    ],
    "depression": [
        "{P} had stopped returning calls and spent most weekends on the couch with the blinds closed.",
        "{Sub} told me {sub} was waiting to feel like doing things again before doing them.",
        "We reversed the order: one small activity a day, whether or not {sub} felt like it.",
        "The first week's list was almost comically small: shower, walk to the corner, text a cousin.",
        "By the fourth week {P} noticed that the days with a walk in them were a little less grey.",
        "Recovery was not a straight line, but the good weeks started to outnumber the bad ones.",
    ],
    "adhd": [
        "{P} had been told for decades that {sub} was bright but careless.",
        "The diagnosis came in {pos} forties, and {pos} first reaction was grief for the years spent feeling lazy.",
        "We worked on outside structure rather than more effort: visible timers, one calendar, a launch pad by the door.",
        "{Sub} found that doing paperwork on a video call with a friend, both working quietly, made it bearable.",
        "The shame took longer to shift than the habits did.",
        "{P} now describes {pos} brain as a sports car with bicycle brakes, and {sub} is learning to drive it.",
    ],
    "trauma": [
        "{P} came in after a car accident, unable to sit in the passenger seat without shaking.",
        "{Sub} blamed {obj}self for freezing, and we spent time understanding why bodies do that.",
        "We built grounding skills first, for weeks, before touching the memory itself.",
        "When we did begin processing, {sub} chose the pace, and some sessions we only talked about {pos} garden.",
        "The nightmares eased before the daytime fear did.",
        "Months later {P} rode to the coast as a passenger and sent me a photo of the ocean, with no words.",
    ],
    "parenting": [
        "{P} came in because {pos} teenager had stopped talking to {obj} at all.",
        "Every conversation turned into a lecture, and every lecture into a slammed door.",
        "We practised validating first and problem-solving second, which felt unnatural to {obj} at first.",
        "{Sub} started driving {pos} son to practice and letting the silences stretch.",
        "One evening, halfway home, the boy started talking and did not stop for twenty minutes.",
        "{P} still has hard days, but {sub} no longer feels like the enemy in {pos} own house.",
    ],
    "burnout": [
        "{P} had worked double shifts through most of the pandemic and could not remember the last real day off.",
        "{Sub} described feeling numb toward patients {sub} had once cared about deeply.",
        "We looked at what {sub} could change at work and what {sub} could not.",
        "{Sub} negotiated an end to mandatory overtime and started taking a full lunch break.",
        "Rest felt like laziness at first, and we talked a lot about where that belief came from.",
        "By winter {P} had started painting again, something {sub} had not done since college.",
    ],
    "sleep": [
        "{P} had not slept more than four hours a night for most of a year.",
        "{Sub} spent hours in bed trying to force sleep, watching the clock and calculating how tired {sub} would be.",
        "We set a fixed wake time and a rule: if {sub} could not sleep, {sub} got up and read in another room.",
        "The first two weeks were rough, and {sub} nearly gave up.",
        "Then the nights started to consolidate, and the dread of bedtime faded.",
        "{P} still has the odd bad night, but {sub} no longer fears them.",
    ],
    "self-compassion": [
        "{P} had a voice in {pos} head that narrated every mistake in a tone {sub} would never use with a friend.",
        "{Sub} believed that voice was the only reason {sub} was successful.",
        "We tested that belief carefully, week by week, with small experiments in kindness.",
        "The first time {sub} tried a self-compassion break {sub} laughed, and then cried.",
        "{Sub} noticed that {sub} recovered faster from setbacks when {sub} was not also attacking {obj}self.",
        "{P} now keeps a sticky note on {pos} monitor that says: good enough is enough today.",
    ],
}
CASE_GENERIC = [
    "In our early sessions {P} mostly talked about work, and only later about what was underneath it.",
    "{Sub} was skeptical of therapy at first and told me so, which I appreciated.",
    "We agreed on two goals that {sub} could describe in {pos} own words.",
    "Some weeks {P} arrived with a list; other weeks {sub} sat quietly for the first ten minutes.",
    "Homework was hit and miss, and we treated the misses as information rather than failure.",
    "{P} noticed that the hardest moments tended to come late in the evening, when the house was quiet.",
    "There were setbacks, including a stretch of about a month when {sub} nearly stopped coming.",
    "{Pos} family noticed the change before {sub} did.",
    "At one point {sub} said, half joking, that therapy was the only hour of the week nobody needed anything from {obj}.",
    "We met weekly for the first few months and then every other week.",
    "Toward the end we spent a session looking back at the notes {sub} had kept since the beginning.",
    "{P} did most of the work between sessions, which is where change usually happens.",
]
DECADES = ["early thirties", "mid-thirties", "late forties", "early fifties", "late twenties", "early sixties"]
CASE_HEADINGS = ["How {P} came in", "What we worked on", "The turning point", "Where {P} is now", "What I took from it",
                 "Looking back"]
DISCLAIMERS = {
    "disguised": "\"{P}\" is a pseudonym. {Pos} age, work, family details and the timeline have been changed so that {sub} cannot be recognized, and {sub} read this post before publication.",
    "composite": "{P} is a composite: this story blends details from several people I have worked with over the years, and no one person's story is told here.",
    "written": "{P} gave written permission for this story to be shared. Names and identifying details have been changed.",
}
LEAKY_DISCLAIMER = "Names and some details have been changed to protect privacy."


# -- the post writer -------------------------------------------------------------------------------

class Writer:
    def __init__(self, rng: random.Random, practice: dict):
        self.rng = rng
        self.pr = practice
        self._pools: dict[str, list] = {}

    def start_post(self):
        self._pools = {}

    def draw(self, key: str, items: list, n: int) -> list:
        """n items, without repeats within a post until the list is used up."""
        out = []
        for _ in range(n):
            pool = self._pools.get(key)
            if not pool:
                pool = self._pools[key] = self.rng.sample(items, len(items))
            out.append(pool.pop())
        return out

    # traps -----------------------------------------------------------------------------------------

    def practice_contact(self) -> str:
        p, rng = self.pr, self.rng
        return rng.choice([
            f"If you'd like to talk about whether therapy could help, call our office at {p['phone']} or email {p['email']}.",
            f"Our office is at {p['address']} in {p['city']}, and we also offer telehealth across {p['state']}.",
            f"My colleague {p['colleagues'][0]} runs a skills group on Tuesday evenings; ask the front desk at {p['phone']} to schedule a consultation.",
            f"I'm {p['author_short']}, and I've practiced in {p['city']} since 2012.",
            f"{p['name']} is accepting new clients this season. Email {p['email']} to book a free consultation.",
            f"You can also follow along on Instagram at @{p['instagram']} or visit {p['url']} for more articles.",
        ])

    def crisis(self) -> str:
        p = self.pr
        return self.rng.choice([
            "If you're thinking about suicide or are worried about someone, call or text 988 to reach the Suicide & Crisis Lifeline, any time of day.",
            "In a crisis, call or text 988, or text HOME to 741741 to reach the Crisis Text Line. In an emergency, call 911.",
            "For help with substance use, SAMHSA's National Helpline is free and confidential at 1-800-662-4357.",
            f"If you are in crisis, please don't wait for an appointment with {p['name']}: call or text 988 now.",
        ])

    def event(self) -> str:
        p, rng = self.pr, self.rng
        year = rng.choice([2025, 2026])
        month, d = rng.choice(MONTHS), rng.randint(1, 28)
        return rng.choice([
            f"Join our free workshop on {rng.choice(WEEKDAYS[5:])}, {month} {d}, at 10 a.m. at {p['address']}.",
            f"Our next parenting group starts {rng.choice(WEEKDAYS[:5])}, {month} {d}, {year}, and runs for six weeks.",
            f"Post updated {month} {d}, {year}.",
            "The office will be closed on " + rng.choice(["Thanksgiving Day", "Labor Day", "Memorial Day", "New Year's Day"]) + " and will reopen the following morning.",
        ])

    def traps(self, count: int) -> list[str]:
        rng, p = self.rng, self.pr
        pools = [("figures", PUBLIC_FIGURES), ("holidays", HOLIDAY_TRAPS), ("stats", STAT_TRAPS), ("words", WORD_TRAPS),
                 ("aggregate", AGGREGATE_TRAPS),
                 ("regions", [t.format(state=p["state"], region=p["region"]) for t in REGION_TRAPS])]
        out = []
        for _ in range(count):
            key, items = rng.choice(pools)
            out.extend(self.draw(key, items, 1))
        return out

    # building blocks ------------------------------------------------------------------------------

    def paragraph(self, sentences: list[str], n: tuple[int, int] = (3, 5), extra: list[str] = ()) -> str:
        """Sentences from the topic, then from a related topic and general ones: no repeats in a post."""
        key = "stream-" + str(id(sentences))
        if key not in self._pools:
            other = self.rng.choice([t["sentences"] for t in TOPICS.values() if t["sentences"] is not sentences])
            stream = (self.rng.sample(GENERAL, len(GENERAL)) + self.rng.sample(other, len(other))[:6] +
                      self.rng.sample(sentences, len(sentences)))
            self._pools[key] = stream
        chosen = self.draw(key, sentences, self.rng.randint(*n))
        for e in extra:
            chosen.insert(self.rng.randint(0, len(chosen)), e)
        return " ".join(chosen)

    def tips_list(self, topic: dict) -> str:
        items = self.rng.sample(topic["tips"], self.rng.randint(3, 5))
        if self.rng.random() < 0.5:
            return "\n".join(f"- {t}." for t in items)
        return "\n".join(f"{i}. {t}." for i, t in enumerate(items, 1))

    def admonition(self, text: str, titles=("A note", "Try this", "Good to know", "Please read")) -> str:
        kind = self.rng.choice(["tip", "note", "info", "warning"])
        return f'!!! {kind} "{self.rng.choice(titles)}"\n    {text}'

    def resource_table(self) -> str:
        p = self.pr
        return ("| Resource | How to reach it |\n|---|---|\n"
                "| Suicide & Crisis Lifeline | call or text 988 |\n"
                "| Crisis Text Line | text HOME to 741741 |\n"
                "| SAMHSA National Helpline | 1-800-662-4357 |\n"
                f"| {p['name']} | {p['phone']} |")

    def link_para(self) -> str:
        return self.rng.choice([
            "The [988 Lifeline](https://988lifeline.org) also offers chat, and the [National Institute of Mental Health](https://www.nimh.nih.gov/health/topics) has plain-language guides.",
            "For more reading, see the [APA's guide to finding a psychologist](https://locator.apa.org/) or [Psychology Today's directory](https://www.psychologytoday.com/us/therapists).",
            "If you want the research, [this review](https://doi.org/10.1037/ccp0000482) is a good place to start.",
            "I keep a short [list of books I recommend](../../resources.md) on the site.",
        ])

    def image(self, alt: str) -> str:
        return f"![{alt}](../images/{self.rng.choice(['light', 'path', 'window', 'lake'])}.png)"

    # posts ----------------------------------------------------------------------------------------

    def general(self, topic_key: str, target: int, leaks: list[str], undeclared: bool = False) -> list[str]:
        """Blocks of a general post; `leaks` are extra sentences (already marked) to weave in."""
        rng, topic = self.rng, TOPICS[topic_key]
        blocks = [self.paragraph(topic["sentences"], (3, 4), self.traps(1))]
        if undeclared:
            blocks.append(self.undeclared_story(topic_key))
        headings = rng.sample(topic["headings"], len(topic["headings"]))
        pending = list(leaks)
        i = 0
        while _count(blocks) < target - 60:
            if i < len(headings):
                blocks.append(f"## {headings[i]}")
            i += 1
            extra = self.traps(rng.randint(0, 1))
            block = None
            if pending and rng.random() < 0.6:
                if "\n" in pending[0]:
                    block = pending.pop(0)
                else:
                    extra.append(pending.pop(0))
            blocks.append(self.paragraph(topic["sentences"], (3, 5), extra))
            if block:
                blocks.append(block)
            roll = rng.random()
            if roll < 0.2:
                blocks.append(self.tips_list(topic))
            elif roll < 0.3:
                blocks.append(self.admonition(rng.choice(topic["sentences"]) + " " + self.crisis()))
            elif roll < 0.38:
                blocks.append(self.link_para())
            elif roll < 0.45:
                blocks.append(self.image(rng.choice(["A quiet path through the woods", "Morning light on a lake",
                                                     "A window with rain on it"])))
        for leak in pending:
            blocks.append(self.paragraph(topic["sentences"], (2, 3), [] if "\n" in leak else [leak]))
            if "\n" in leak:
                blocks.append(leak)
        blocks.append("## Getting help")
        blocks.append(self.practice_contact() + " " + self.crisis())
        if rng.random() < 0.3:
            blocks.append(self.resource_table())
        if rng.random() < 0.3:
            blocks.append(self.event())
        return blocks

    def undeclared_story(self, topic_key: str) -> str:
        c = Person(self.rng, allowed=True)
        lines = [
            "In session last week, a client told me something I haven't stopped thinking about.",
            f"One of my clients, a {self.rng.randint(30, 60)}-year-old {self.rng.choice(OCCUPATIONS)}, put it this way in our last session:",
        ]
        body = self.draw("case-" + topic_key, CASE_BODY[topic_key][1:], 2)
        body = [re.sub(r"^\{P\}", "{Sub}", b).replace("{P}", "{sub}") for b in body]
        return c.fill(self.rng.choice(lines) + " " + " ".join(body))

    def case(self, topic_key: str, target: int, person: Person, basis: str | None, leaks: list[str],
             disclaimer: str) -> list[str]:
        rng = self.rng
        values = dict(decade=rng.choice(DECADES), job=rng.choice(OCCUPATIONS), state=rng.choice(STATES),
                      year=rng.randint(2019, 2024), relative=rng.choice(["mother", "father", "brother", "sister"]))
        blocks = []
        if disclaimer:
            blocks.append(self.admonition(disclaimer, ("About this story", "A note on privacy", "Please note"))
                          if rng.random() < 0.6 else f"*{disclaimer}*")
        blocks.append(person.fill(rng.choice(CASE_OPENERS), **values) + " " + " ".join(self.traps(1)))
        blocks.append("<!-- more -->")
        body = CASE_BODY[topic_key] + CASE_GENERIC
        topic = TOPICS[topic_key]
        headings = list(CASE_HEADINGS)
        pending = list(leaks)
        i = 0
        while _count(blocks) < target - 70:
            if i < len(headings) and (i == 0 or rng.random() < 0.8):
                blocks.append("## " + person.fill(headings[i]))
            i += 1
            left = self._pools.setdefault("story", rng.sample(body, len(body)))
            if not left:
                blocks.append(self.paragraph(topic["sentences"], (3, 5), self.traps(rng.randint(0, 1))))
                if pending and "\n" in pending[0]:
                    blocks.append(pending.pop(0))
                elif pending:
                    blocks.append(self.paragraph(topic["sentences"], (1, 2), [pending.pop(0)]))
                continue
            story = [person.fill(s) for s in self.draw("story", body, min(len(left), rng.randint(2, 4)))]
            separate = []
            while pending and rng.random() < 0.7:
                leak = pending.pop(0)
                if "\n" in leak:
                    separate.append(leak)
                else:
                    story.insert(rng.randint(1, len(story)), leak)
                if len(story) > 5:
                    break
            blocks.append(" ".join(story))
            blocks.extend(separate)
            if rng.random() < 0.6:
                blocks.append(self.paragraph(topic["sentences"], (2, 4), self.traps(rng.randint(0, 1))))
            if rng.random() < 0.12:
                blocks.append(self.tips_list(topic))
        for leak in pending:
            blocks.append(leak)
        blocks.append("## If this sounds familiar")
        blocks.append(self.paragraph(topic["sentences"], (2, 3)) + " " + self.practice_contact() + " " + self.crisis())
        return blocks


def _count(blocks: list[str]) -> int:
    return sum(words_of(b) for b in blocks)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


# -- leak placement in places other than body text ----------------------------------------------------

def place_elsewhere(rng, writer: Writer, c: Person, kind: str, sentence: str, footnote: int) -> tuple[str, str | None]:
    """Move a planted identifier into another place a reader or crawler sees (image alt text, an
    HTML comment, a table, a footnote, a link); returns (block, footnote or None)."""
    m = _MARK.search(sentence)
    value = m.group(0)
    where = rng.random()
    if kind in ("url",) and value.startswith("⟦url|http") and where < 0.5:
        return c.fill("{Sub} shared " + rng.choice(["the page", "a link", "{pos} fundraiser", "the story"]) +
                      f" with me later: [see it here]({value})."), None
    if where < 0.25:
        return f"<!-- draft note: {_MARK.sub(lambda x: x.group(0), sentence)} check before posting -->", None
    if where < 0.45 and kind in ("person-name", "location"):
        return writer.image(f"{c.P}'s drawing, with {value} in the corner"), None
    if where < 0.7:
        note = f"[^{footnote}]"
        return sentence.rstrip(".") + note + ".", note + ": " + c.fill("Shared with {pos} permission; some details changed.")
    label = {"date": "Date", "phone": "Phone", "fax": "Fax", "email": "Email", "ssn": "SSN",
             "record-number": "ID on file", "vehicle": "Vehicle", "device": "Device", "ip-address": "IP address",
             "url": "Link", "location": "Where", "age-over-89": "Age", "person-name": "Contact"}[kind]
    return f"| Item | Detail |\n|---|---|\n| Presenting concern | {rng.choice(['panic', 'grief', 'insomnia', 'low mood'])} |\n| {label} | {value} |\n| Sessions | {rng.randint(6, 24)} |", None


# -- the site -----------------------------------------------------------------------------------------

def build(out: str, posts: int, seed: int, practice_index: int, clean_only: bool = False) -> dict:
    rng = random.Random(seed)
    p = PRACTICES[practice_index % len(PRACTICES)]
    writer = Writer(rng, p)
    docs = os.path.join(out, "docs")
    post_dir = os.path.join(docs, "blog", "posts")
    if os.path.exists(out):
        for name in ("docs", "labels", ".cache", "site"):
            shutil.rmtree(os.path.join(out, name), ignore_errors=True)
    os.makedirs(post_dir)
    os.makedirs(os.path.join(docs, "blog", "images"))
    os.makedirs(os.path.join(out, "labels"))
    _write_site(out, docs, p)

    kind_cycle: list[str] = []
    labels, totals, words_total = [], Counter(), 0
    types = (["general"] * 36 + ["news-leak"] * 8 + ["case-clean"] * 18 + ["case-leak"] * 26 +
             ["case-consent"] * 6 + ["undeclared"] * 6)
    if clean_only:  # a blog as published: general posts and consented, disguised case studies
        types = ["general"] * 2 + ["case-clean"]
    start = dt.date(2023, 1, 2)
    for n in range(posts):
        writer.start_post()
        kind = rng.choice(types)
        topic_key = rng.choice(list(TOPICS))
        target = rng.randint(430, 860)
        date = start + dt.timedelta(days=rng.randint(0, 1000))
        entry = {"file": None, "expect": "pass", "rules": []}
        meta: dict = {}
        footnotes: list[str] = []
        title_override = None
        if kind == "general" or kind == "undeclared":
            blocks = writer.general(topic_key, target, [], undeclared=(kind == "undeclared"))
            categories = [_category(topic_key)]
            if kind == "undeclared":
                entry.update(expect="block", rules=["consent/undeclared-case-study"])
            elif rng.random() < 0.3:
                meta["case_study"] = False
        elif kind == "news-leak":
            c = Person(rng, allowed=False)
            leaks = _news_leaks(rng, c, kind_cycle)
            blocks = writer.general(topic_key, target, leaks)
            categories = ["Practice News"]
            meta["case_study"] = False
            entry["expect"] = "block"
        else:
            c = Person(rng, allowed=(kind != "case-leak" or rng.random() < 0.65))
            basis = rng.choice(["disguised", "composite", "written"])
            leaks: list[str] = []
            disclaimer = c.fill(DISCLAIMERS[basis]) if c.allowed else LEAKY_DISCLAIMER
            if kind == "case-leak":
                count = rng.randint(1, 4)
                for _ in range(count):
                    k = _next_kind(rng, kind_cycle)
                    sentence = GENERATORS[k](rng, c)
                    if rng.random() < 0.3:
                        block, note = place_elsewhere(rng, writer, c, k, sentence, len(footnotes) + 1)
                        leaks.append("\n\n" + block + "\n\n")
                        if note:
                            footnotes.append(note)
                    else:
                        leaks.append(sentence)
                entry["expect"] = "block"
                if not c.allowed and rng.random() < 0.4:
                    title_override = c.fill(rng.choice(["What {P} Taught Me About Starting Over", "{P}'s Story: Learning to Rest",
                                                        "A Year With {P}", "How {P} Found {pos} Way Back"]))
            if kind == "case-consent":
                entry["expect"] = "block"
                problem = rng.choice(["missing", "pending", "no-date", "typo", "false"])
                entry["rules"] = ["consent/missing" if problem in ("missing", "pending", "false") else "consent/invalid"]
                consent = {"pending": "pending", "false": False, "no-date": {"basis": "written"},
                           "typo": {"basis": rng.choice(["writen", "disgiused", "composit"])}}.get(problem)
                if problem != "missing":
                    meta["consent"] = consent
            else:
                consent = {"basis": basis}
                if basis == "written":
                    consent["obtained"] = (date - dt.timedelta(days=rng.randint(10, 200))).isoformat()
                meta["consent"] = consent
            blocks = writer.case(topic_key, target, c, basis, leaks, disclaimer)
            categories = [p["category"], _category(topic_key)]
            if rng.random() < 0.5:
                meta["case_study"] = True
                if rng.random() < 0.4:
                    categories = [_category(topic_key)]
            if c.allowed:
                meta["caseguard"] = {"allow": [c.name]}
        if footnotes:
            blocks.append("\n\n".join(footnotes))
        title = title_override or rng.choice(TOPICS[topic_key]["titles"])
        slug = _slug(_MARK.sub("zzname", title))
        if "⟦person-name|" in title:
            slug = slug.replace("zzname", mark("person-name", _MARK.search(title).group(2).lower()))
        filename = f"{date.isoformat()}-{topic_key}-{n:04d}.md"
        text = _post_text(title, date, p, categories, topic_key, slug + f"-{n}", meta, blocks, rng)
        clean, found = _unmark(text)
        words_total += words_of(clean.split("\n---\n", 1)[1])
        if found and entry["expect"] == "pass":
            raise AssertionError(f"post {n} is labelled clean but has identifiers")
        entry["identifiers"] = [{"line": line, "text": value, "kind": k} for line, value, k in found]
        for _line, _value, k in found:
            totals[k] += 1
        entry["file"] = f"blog/posts/{filename}"
        entry["kind"] = kind
        with open(os.path.join(post_dir, filename), "w", encoding="utf-8") as handle:
            handle.write(clean)
        labels.append(entry)
    _write_labels(out, labels, seed, p)
    return {"posts": posts, "words": words_total, "identifiers": totals,
            "clean": sum(1 for e in labels if e["expect"] == "pass"), "practice": p["name"]}


def _next_kind(rng, cycle: list[str]) -> str:
    if not cycle:
        weighted = [k for k in KINDS for _ in range(int(KIND_WEIGHTS.get(k, 1) * 2))]
        rng.shuffle(weighted)
        cycle.extend(weighted)
    return cycle.pop()


def _news_leaks(rng, c: Person, cycle: list[str]) -> list[str]:
    """Contact details and numbers that leak from practice news and FAQs, outside any case study."""
    options = [
        lambda: "A superbill is a detailed receipt with everything your insurer needs to process a claim. Here is what one of ours looks like, taken from last month's batch:\n\n| Field | Example |\n|---|---|\n"
                f"| Client name | {mark('person-name', c.name + ' ' + c.surname)} |\n"
                f"| Date of birth | {mark('date', f'{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(1960, 2000)}')} |\n"
                f"| Member ID | {mark('record-number', _alnum(rng, 3, 9))} |\n| Diagnosis (ICD-10) | F41.1 |\n| Procedure (CPT) | 90837 |",
        lambda: "A client forwarded us the fake message, which went to " + mark("email", _email(rng, c)) +
                " and even quoted the client's Social Security number, " + mark("ssn", _ssn(rng)) + ".",
        lambda: "The portal log for the affected account showed a login from " + mark("ip-address", _ip(rng)) +
                ", the client's usual home network.",
        lambda: "For example, one client's employer needed the form faxed to " + mark("fax", _phone(rng)) + " by Friday.",
        lambda: "When a client's laptop kept dropping calls, the culprit turned out to be the webcam with serial number " +
                mark("device", f"{_alnum(rng, 2, 6)}") + ", which needed a firmware update.",
        lambda: "A client who missed the last session left a message from " + mark("phone", _phone(rng)) +
                " asking whether the group was still meeting.",
    ]
    chosen = rng.sample(options, rng.randint(1, 2))
    return [f() for f in chosen]


def _category(topic_key: str) -> str:
    return {"anxiety": "Anxiety", "grief": "Grief", "couples": "Couples", "depression": "Depression",
            "adhd": "ADHD", "trauma": "Trauma", "parenting": "Parenting", "burnout": "Burnout",
            "sleep": "Sleep", "self-compassion": "Self-Compassion"}[topic_key]


def _post_text(title, date, p, categories, topic_key, slug, meta, blocks, rng) -> str:
    lines = ["---", f"title: {_yaml_str(title)}", f"date: {date.isoformat()}", f"authors: [{p['author_key']}]",
             f"categories: [{', '.join(categories)}]",
             f"description: {_yaml_str(rng.choice(TOPICS[topic_key]['sentences']))}",
             f"tags: [{', '.join(TOPICS[topic_key]['tags'])}]", f"slug: {slug}"]
    if "case_study" in meta:
        lines.append(f"case_study: {'true' if meta['case_study'] else 'false'}")
    if "consent" in meta:
        consent = meta["consent"]
        if isinstance(consent, dict):
            lines.append("consent:")
            lines.extend(f"  {k}: {v}" for k, v in consent.items())
        else:
            lines.append(f"consent: {'false' if consent is False else consent}")
    if "caseguard" in meta:
        lines.append("caseguard:")
        lines.append(f"  allow: [{', '.join(meta['caseguard']['allow'])}]")
    lines.append("---")
    body = "\n\n".join(b.strip("\n") for b in blocks)
    body = re.sub(r"\n{3,}", "\n\n", body)
    return "\n".join(lines) + "\n\n" + f"# {title}\n\n" + body + "\n"


def _unmark(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    out_lines, found = [], []
    for number, line in enumerate(text.split("\n"), 1):
        for m in _MARK.finditer(line):
            found.append((number, m.group(2), m.group(1)))
        out_lines.append(_MARK.sub(lambda m: m.group(2), line))
    return "\n".join(out_lines), found


def _write_site(out: str, docs: str, p: dict):
    allow = [p["author_short"], p["author_name"], *p["colleagues"], *p["colleague_names"], p["name"], p["city"],
             p["address"], p["phone"], p["email"]]
    config = [
        "# A generated practice blog for caseguard's benchmarks (bench/generate.py).",
        f"site_name: {p['name']}", f"site_url: {p['url']}", f"site_author: {p['author']}",
        f"copyright: {_yaml_str('Copyright © 2026 ' + p['legal'])}",
        "theme:", "  name: material", "plugins:", "  - blog", "  - caseguard:",
        f"      case_study_categories: [{p['category']}]", "      allow:",
        *[f"        - {_yaml_str(a)}" for a in allow],
        f"      reviewers: [{_yaml_str(p['author'])}]", "      require_review: none",
        "extra:", "  social:", "    - icon: fontawesome/brands/instagram",
        f"      link: https://instagram.com/{p['instagram']}", "",
    ]
    with open(os.path.join(out, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(config))
    with open(os.path.join(docs, "index.md"), "w", encoding="utf-8") as handle:
        handle.write(f"# {p['name']}\n\nCounselling and psychotherapy in {p['city']}, {p['state']}, and by telehealth.\n")
    with open(os.path.join(docs, "resources.md"), "w", encoding="utf-8") as handle:
        handle.write("# Resources\n\nCall or text 988 in a crisis. Books and links we recommend are listed here.\n")
    with open(os.path.join(docs, "blog", "index.md"), "w", encoding="utf-8") as handle:
        handle.write("# Blog\n")
    with open(os.path.join(docs, "blog", ".authors.yml"), "w", encoding="utf-8") as handle:
        handle.write(f"authors:\n  {p['author_key']}:\n    name: {_yaml_str(p['author'])}\n"
                     f"    description: Clinician\n    avatar: https://example.org/avatar.png\n")
    png = _png(1, 1)
    for name in ("light", "path", "window", "lake"):
        with open(os.path.join(docs, "blog", "images", f"{name}.png"), "wb") as handle:
            handle.write(png)


def _png(width: int, height: int) -> bytes:
    """A small grey PNG with no metadata (the posts' illustrations)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _write_labels(out: str, labels: list[dict], seed: int, p: dict):
    lines = [f"# Generated by bench/generate.py (seed {seed}, practice {p['name']!r}).",
             "# line: 1-based line on disk (front matter included); text: exact substring of that line.",
             "posts:"]
    for e in labels:
        lines.append(f"  - file: {e['file']}")
        lines.append(f"    expect: {e['expect']}")
        lines.append(f"    note: {e['kind']}")
        lines.append(f"    rules: [{', '.join(e['rules'])}]")
        if not e["identifiers"]:
            lines.append("    identifiers: []")
            continue
        lines.append("    identifiers:")
        for i in e["identifiers"]:
            lines.append(f"      - {{line: {i['line']}, text: {_yaml_str(i['text'])}, kind: {i['kind']}}}")
    with open(os.path.join(out, "labels", "generated.yml"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder to write the site into (its docs/, labels/ and .cache/ are replaced)")
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--practice", type=int, default=0, help=f"which practice profile (0-{len(PRACTICES) - 1})")
    parser.add_argument("--clean-only", action="store_true", help="only posts that should pass (a blog as published)")
    args = parser.parse_args()
    stats = build(args.out, args.posts, args.seed, args.practice, args.clean_only)
    ids = stats["identifiers"]
    print(f"wrote {stats['posts']} posts ({stats['clean']} clean), {stats['words']:,} words, for {stats['practice']!r} in {args.out}")
    print(f"labelled identifiers: {sum(ids.values())} (" + ", ".join(f"{k} {ids[k]}" for k in KINDS) + ")")


if __name__ == "__main__":
    main()
