// Message catalogue (English en). Keep the same keys as the other language: tests/i18n.test.js checks it.
// Curly braces are vue-i18n placeholders; a literal @ { } | must be written {'@'} etc.
export default {
  "app": {
    "title": "Wushe Hub",
    "skip": "Skip to main content",
    "workspaces": "Workspaces",
    "language": "Language",
    "signOut": "Sign out"
  },
  "ws": {
    "community": "Community desk",
    "provider": "Organizations and donors",
    "volunteer": "Volunteer",
    "worker": "Social worker",
    "station": "Station console",
    "centre": "Centre reports",
    "admin": "Hub admin"
  },
  "landing": {
    "denied": "You may not open {ws}.",
    "none": "Your account has no workspace yet; please ask the hub admin."
  },
  "notFound": {
    "title": "Page not found",
    "home": "Back to the start page"
  },
  "admin": {
    "title": "Hub admin",
    "intro": "The workspaces of each party:",
    "note": "Residents' personal details are for their community and its stations only, not even the hub admin.",
    "for": {
      "community": "Community staff: needs, need-list import, residents",
      "provider": "Organizations and donors: offers, capacities, projects",
      "volunteer": "Volunteers: assignments, hours, points",
      "worker": "Social workers: visits, cases, groups",
      "station": "Station staff: proposals and matches",
      "centre": "Centre managers: reports"
    }
  },
  "common": {
    "loading": "Loading…",
    "retry": "Try again",
    "refresh": "Refresh",
    "save": "Save",
    "cancel": "Cancel",
    "confirm": "Confirm",
    "close": "Close",
    "choose": "Choose…",
    "all": "All",
    "actions": "Actions",
    "next": "Next",
    "back": "Back",
    "edit": "Edit",
    "withdraw": "Withdraw",
    "submit": "Submit",
    "none": "None",
    "yes": "Yes",
    "no": "No",
    "page": "Page {page} of {pages}",
    "prev": "Previous",
    "nextPage": "Next",
    "optional": "(optional)",
    "saved": "Saved"
  },
  "error": {
    "generic": "Something went wrong; please try again.",
    "network": "Cannot reach the service; check the connection and try again.",
    "unauthorized": "Your sign-in has expired; signing in again…",
    "forbidden": "Forbidden",
    "notFound": "Not found; it may have been removed or withdrawn.",
    "conflict": "Someone acted on it first; the list was refreshed.",
    "server": "The service failed; please try again shortly.",
    "status": "The request did not succeed ({status}).",
    "required": "Required"
  },
  "history": {
    "title": "Need history",
    "open": "History",
    "empty": "No events yet."
  },
  "enum": {
    "category": {
      "HOME_REPAIR": "Home repair",
      "SAFETY_CHECK": "Safety check",
      "DAILY_GOODS": "Daily goods",
      "MEAL_ASSISTANCE": "Meal assistance",
      "HEALTH": "Health",
      "ESCORT": "Hospital escort",
      "COMPANIONSHIP": "Companionship",
      "HAIRCUT": "Free haircut",
      "LEGAL_ADVICE": "Legal advice",
      "ANTI_FRAUD": "Anti-fraud",
      "MEDIATION": "Mediation",
      "PSYCHOLOGICAL_SUPPORT": "Psychological support",
      "TUTORING": "Tutoring",
      "STUDY_SPACE": "Study space makeover",
      "CULTURAL_EVENT": "Cultural event",
      "OTHER": "Other",
      "UNKNOWN": "Unknown"
    },
    "urgency": {
      "ROUTINE": "Routine",
      "SOON": "Soon",
      "URGENT": "Urgent",
      "IMMEDIATE": "Immediate",
      "UNKNOWN": "Unknown"
    },
    "group": {
      "ELDERLY_ALONE": "Elderly living alone",
      "VERY_OLD": "Very old (80+)",
      "CHILDLESS_ELDERLY": "Childless elderly",
      "DISABLED": "Disabled",
      "CHILD_IN_HARDSHIP": "Child in hardship",
      "LOW_INCOME_FAMILY": "Low-income family",
      "NEWCOMER": "Newcomer",
      "FOREIGN_RESIDENT": "Foreign resident",
      "ALL_RESIDENTS": "All residents",
      "OTHER": "Other",
      "UNKNOWN": "Unknown"
    },
    "flag": {
      "ELDERLY_ALONE": "Elderly living alone",
      "VERY_OLD": "Very old (80+)",
      "CHILDLESS_ELDERLY": "Childless elderly",
      "DISABLED": "Disabled",
      "CHILD_IN_HARDSHIP": "Child in hardship",
      "LOW_INCOME": "Low income",
      "NEWCOMER": "Newcomer",
      "FOREIGN_RESIDENT": "Foreign resident"
    },
    "source": {
      "NEED_LIST": "Need list",
      "HARDSHIP_LIST": "Hardship list",
      "MICRO_WISH": "Micro-wish",
      "VISIT": "Found on a visit",
      "CASE_WORK": "Case work",
      "GRID_REPORT": "Grid report",
      "OTHER": "Other",
      "UNKNOWN": "Unknown"
    },
    "unit": {
      "PIECE": "pieces",
      "SET": "sets",
      "BOX": "boxes",
      "BAG": "bags",
      "BOTTLE": "bottles",
      "KILOGRAM": "kg",
      "JIN": "jin",
      "LITRE": "litres",
      "PORTION": "portions",
      "OTHER": "other unit",
      "UNKNOWN": "unknown"
    },
    "skill": {
      "HOME_REPAIR": "Home repair",
      "ELECTRICAL": "Electrical",
      "PLUMBING": "Plumbing",
      "GAS_SAFETY": "Gas safety",
      "HAIRDRESSING": "Hairdressing",
      "MEDICAL": "Medical",
      "NURSING": "Nursing",
      "ELDER_CARE": "Elder care",
      "PSYCHOLOGICAL_COUNSELLING": "Counselling",
      "LEGAL": "Legal",
      "ANTI_FRAUD_EDUCATION": "Anti-fraud education",
      "MEDIATION": "Mediation",
      "INTERPRETING": "Interpreting",
      "SIGN_LANGUAGE": "Sign language",
      "TUTORING": "Tutoring",
      "CHILD_CARE": "Child care",
      "DRIVING": "Driving",
      "COOKING": "Cooking",
      "CLEANING": "Cleaning",
      "DIGITAL_LITERACY": "Digital literacy",
      "CARPENTRY_ASSEMBLY": "Carpentry",
      "CULTURAL_ARTS": "Cultural arts",
      "SPORTS_FITNESS": "Sports",
      "EVENT_ORGANIZING": "Event organizing",
      "SOCIAL_WORK": "Social work",
      "OTHER": "Other",
      "UNKNOWN": "Unknown"
    },
    "day": {
      "MONDAY": "Mon",
      "TUESDAY": "Tue",
      "WEDNESDAY": "Wed",
      "THURSDAY": "Thu",
      "FRIDAY": "Fri",
      "SATURDAY": "Sat",
      "SUNDAY": "Sun"
    },
    "needStatus": {
      "PUBLISHED": "Published",
      "MATCHED": "Matched",
      "ACCEPTED": "Accepted",
      "IN_SERVICE": "In service",
      "FULFILLED": "Fulfilled",
      "CANCELLED": "Cancelled",
      "EXPIRED": "Expired"
    },
    "frequency": {
      "DAILY": "Daily",
      "WEEKLY": "Weekly",
      "MONTHLY": "Monthly"
    },
    "offerKind": {
      "GOODS": "Goods",
      "SERVICE": "Service",
      "FUND": "Funds",
      "VENUE": "Venue"
    },
    "offerStatus": {
      "ACTIVE": "Active",
      "EXPIRED": "Expired",
      "WITHDRAWN": "Withdrawn"
    },
    "reservationStatus": {
      "RESERVED": "Reserved",
      "RELEASED": "Released",
      "CONSUMED": "Consumed"
    },
    "matchStatus": {
      "PROPOSED": "Proposed",
      "ESCALATED": "Escalated",
      "ACCEPTED": "Accepted",
      "RESERVED": "Reserved",
      "COMPLETED": "Completed",
      "DECLINED": "Declined",
      "LAPSED": "Lapsed",
      "FAILED": "Reservation failed",
      "WITHDRAWN": "Withdrawn"
    },
    "declineReason": {
      "NOT_SUITABLE": "Not suitable",
      "TOO_FAR": "Too far",
      "TIME_CONFLICT": "Time conflict",
      "VOLUNTEER_UNAVAILABLE": "Volunteer unavailable",
      "RESOURCE_UNAVAILABLE": "Resource unavailable",
      "NEED_ALREADY_MET": "Need already met",
      "RESIDENT_DECLINED": "Resident declined",
      "OTHER": "Other"
    },
    "candidateKind": {
      "VOLUNTEER": "Volunteer",
      "OFFER": "Offer",
      "CAPACITY": "Organization service"
    },
    "level": {
      "DISTRICT_CENTRE": "District centre",
      "STREET_CENTRE": "Street/town centre",
      "COMMUNITY_STATION": "Community station"
    },
    "component": {
      "skill": "Skills",
      "skills": "Skills",
      "category": "Category",
      "distance": "Distance",
      "urgency": "Urgency",
      "priority": "Priority group",
      "time": "Time",
      "timeWindow": "Time",
      "expiry": "Expiry",
      "fairness": "Fairness",
      "languages": "Languages",
      "language": "Language",
      "capacity": "Capacity",
      "stock": "Stock"
    },
    "withdrawal": {
      "NO_LONGER_OFFERED": "No longer offered",
      "CAPACITY_EXHAUSTED": "Capacity exhausted",
      "PERIOD_ENDED": "Period ended",
      "OTHER": "Other"
    },
    "capacityStatus": {
      "OFFERED": "Offered",
      "WITHDRAWN": "Withdrawn"
    },
    "projectStatus": {
      "ACTIVE": "Active",
      "CLOSED": "Closed"
    },
    "projectOutcome": {
      "COMPLETED": "Completed",
      "ENDED_EARLY": "Ended early"
    },
    "visitKind": {
      "PHONE": "Phone visit",
      "HOME": "Home visit"
    },
    "visitOutcome": {
      "WELL": "Well",
      "NEED_FOUND": "Need found",
      "FOLLOW_UP": "Follow-up",
      "REFERRED": "Referred",
      "NOT_REACHED": "Not reached"
    },
    "caseStatus": {
      "OPEN": "Open",
      "CLOSED": "Closed"
    },
    "caseOutcome": {
      "GOALS_MET": "Goals met",
      "REFERRED": "Referred",
      "CLIENT_WITHDREW": "Client withdrew",
      "CLIENT_MOVED": "Client moved",
      "OTHER": "Other"
    },
    "noteKind": {
      "ASSESSMENT": "Assessment",
      "SESSION": "Session",
      "CLOSING": "Closing"
    },
    "preset": {
      "THIS_MONTH": "This month",
      "LAST_MONTH": "Last month",
      "THIS_YEAR": "This year"
    },
    "txKind": {
      "AWARD": "Award",
      "REDEMPTION": "Redemption",
      "GIFT": "Gift",
      "EXPIRY": "Expiry"
    },
    "assignmentStatus": {
      "PROPOSED": "Proposed",
      "CONFIRMED": "Confirmed",
      "DECLINED": "Declined",
      "ACCEPTED": "Accepted",
      "COMPLETED": "Completed"
    },
    "live": {
      "idle": "Not connected",
      "connecting": "Connecting…",
      "live": "Live",
      "reconnecting": "Reconnecting…",
      "offline": "Offline, retrying",
      "denied": "No access"
    },
    "importState": {
      "QUEUED": "Queued",
      "RUNNING": "Running",
      "COMPLETED": "Completed",
      "FAILED": "Failed"
    }
  },
  "need": {
    "title": "Need title",
    "category": "Category",
    "urgency": "Urgency",
    "beneficiaryGroup": "Beneficiary group",
    "beneficiaryCount": "People served",
    "start": "Start (Beijing time)",
    "end": "End (Beijing time)",
    "source": "Source",
    "estimatedMinutes": "Estimated minutes",
    "quantity": "Quantity (goods)",
    "unit": "Unit",
    "languages": "Languages needed",
    "languagesHint": "e.g. en, ja (comma separated)",
    "resident": "Resident",
    "skills": "Skills needed",
    "publish": "Publish need",
    "status": "Status",
    "statusSteps": "Progress of the need",
    "endBeforeStart": "The end must be after the start"
  },
  "community": {
    "choose": "Community",
    "pickFirst": "Choose a community first.",
    "importLink": "Import a need list",
    "tabPublish": "Publish need",
    "tabNeeds": "Needs",
    "tabSeries": "Recurring needs",
    "tabResidents": "Residents",
    "published": "Published: {title}",
    "autoRefresh": "Refreshes every 15 s",
    "noNeeds": "No needs yet.",
    "occurrence": "Occurrence {n}",
    "cancelNeed": "Cancel need",
    "cancelConfirm": "Cancel \"{title}\"?"
  },
  "series": {
    "create": "Create recurring need",
    "created": "Recurring need created",
    "frequency": "Repeats",
    "interval": "Every",
    "count": "Occurrences",
    "until": "Until",
    "list": "Recurring needs",
    "none": "No recurring needs yet.",
    "next": "next is no. {n}",
    "first": "First",
    "active": "Active",
    "stopped": "Stopped",
    "stop": "Stop"
  },
  "resident": {
    "fromRegister": "Pick from the register",
    "none": "No resident",
    "or": "or",
    "idNumber": "ID number",
    "lookup": "Find by ID number",
    "lookupReason": "finding the resident of a need",
    "found": "Found resident: {ref}",
    "logged": "Every view of a resident's data is logged with who and why.",
    "register": "Register a resident",
    "registerSubmit": "Register",
    "name": "Name",
    "number": "Resident number",
    "phone": "Phone",
    "address": "Address",
    "flags": "Care flags",
    "privacy": "The register shows numbers only; personal details need a reason and are logged.",
    "empty": "The register is empty.",
    "ref": "Pseudonym",
    "registered": "Registered",
    "view": "View details",
    "accessLog": "Access log",
    "accessLogJson": "Log (JSON)",
    "details": "Resident details",
    "reason": "Reason for viewing",
    "reasonHint": "e.g. checking the address before a home visit",
    "reasonRequired": "Say why you are viewing",
    "read": "View",
    "logEmpty": "No views logged."
  },
  "import": {
    "title": "Import a need list",
    "back": "Back to the community desk",
    "stepUpload": "Upload",
    "stepMapping": "Map columns",
    "stepPreview": "Preview and fix",
    "stepReport": "Report",
    "file": "Need list file (.xlsx or .csv)",
    "fileHint": "Chinese or English headers. Templates:",
    "templateZh": "Chinese template",
    "templateEn": "English template",
    "upload": "Upload",
    "mappingIntro": "Which field does each column of \"{file}\" hold? Recognised ones can be changed.",
    "column": "Column",
    "field": "Field",
    "how": "How",
    "ignore": "Ignore",
    "auto": "Automatic",
    "byHand": "By hand",
    "missing": "These required fields have no column yet:",
    "duplicate": "These fields have more than one column:",
    "restart": "Upload another file",
    "counts": "{total} rows, {bad} with problems.",
    "onlyProblems": "Only rows with problems",
    "row": "Row",
    "problems": "Problems",
    "rowOk": "Ready",
    "fix": "Fix",
    "publish": "Publish {n} rows",
    "running": "Publishing: {done}/{total}",
    "result": "{published} published, {rejected} rejected ({total} rows).",
    "failed": "The import failed; see the rejections.",
    "rejectionsCsv": "Download the rejections (CSV)",
    "again": "Import another",
    "toNeeds": "See the needs",
    "fields": {
      "title": "Title",
      "category": "Category",
      "urgency": "Urgency",
      "beneficiaryGroup": "Beneficiary group",
      "start": "Start",
      "end": "End",
      "communityId": "Community",
      "stationId": "Station",
      "gridId": "Grid",
      "residentId": "Resident number",
      "source": "Source",
      "beneficiaryCount": "People",
      "quantity_amount": "Quantity",
      "quantity_unit": "Unit",
      "requiredSkills": "Skills",
      "requiredLanguages": "Languages",
      "estimatedMinutes": "Minutes",
      "geohash": "Geohash"
    }
  }
};
