// Sentences for generated calls: a support conversation's building blocks, combined at random so
// that every call says different things with different lengths.

export const AGENT_OPENINGS = [
  'Hi, thanks for calling support. How can I help you today?',
  'Hello, you are through to the help desk. What can I do for you?',
  'Good morning, this is the support line. How can I help?',
]

export const AGENT_LINES = [
  'I can help with that.',
  'Let me check your account for a moment.',
  'I see two open tickets on your line, both from this week.',
  'Could you confirm the postcode on the account, please?',
  'Thanks. I am looking at the service status in your area right now.',
  'There is a planned maintenance window tonight between one and four in the morning.',
  'Your router last checked in eleven minutes ago, which looks normal.',
  'I would suggest restarting the router and waiting about two minutes.',
  'I can book a technician visit for Thursday or Friday afternoon.',
  'Which of those works better for you?',
  'Great, that is booked. You will get a text message with the details.',
  'Is there anything else I can help you with today?',
  'I understand, that sounds frustrating.',
  'The refund should appear on your statement within five working days.',
  'I have added a note to your account so the next agent can see it.',
  'One moment while I transfer the details to our billing team.',
  'Your current plan includes unlimited data and calls to landlines.',
  'The speed test shows about forty megabits, which is below what you pay for.',
]

export const USER_LINES = [
  'Yeah, hi. My internet keeps dropping out.',
  'It has disconnected about five times this morning.',
  'Sure, it is the one ending in seven four two.',
  'Okay, I already tried restarting it twice.',
  'Friday afternoon would be better for me.',
  'No, I think that is everything, thank you.',
  'Hang on, let me find the letter they sent me.',
  'That is strange, because the lights on the box keep flashing orange.',
  'Can you tell me why my bill went up this month?',
  'I work from home, so I really need this fixed quickly.',
  'Right, and how long will the technician need?',
  'Yes, that is the correct address.',
  'Oh, okay. I did not know about the maintenance.',
  'Could you send me that in an email as well?',
  'Wait, sorry, which day did you say?',
]

export const BACKCHANNELS = ['mm hmm', 'yeah', 'okay', 'right', 'uh huh']

export const AGENT_VOICES = ['en-us+f3', 'en-us+m3', 'en-us+f2', 'en+m1']
export const USER_VOICES = [
  'en-gb+m3',
  'en-sc+f2',
  'en+m5',
  'en-gb-x-rp+f4',
  'en-us+m7',
  'en-029+m2',
]
