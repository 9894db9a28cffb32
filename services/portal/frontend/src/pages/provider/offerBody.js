import { localInputToInstant, instantToLocalInput, wholeNumber, yuanToFen, timeOfDay } from '../../format.js';

/** A blank offer form. */
export function blankOffer() {
  return {
    kind: 'GOODS', category: null, title: '', description: '', beneficiaryGroups: [], placeName: '', districtCode: '', streetCode: '',
    start: '', end: '', quantity: '', unit: 'BOX', expiryDate: '', skills: [], languages: '', capacity: '', sessionMinutes: '', slots: [],
    amountYuan: '', maxPerNeedYuan: '', purpose: ''
  };
}

/** An offer as resource-service answers it → the form. */
export function offerToForm(o) {
  const f = blankOffer();
  if (!o) return f;
  const p = o.place || {};
  const w = o.availableWindow || {};
  Object.assign(f, {
    kind: o.kind, category: o.category, title: o.title || '', description: o.description || '', beneficiaryGroups: o.beneficiaryGroups || [],
    placeName: p.name || '', districtCode: p.districtCode || '', streetCode: p.streetCode || '',
    start: instantToLocalInput(w.start), end: instantToLocalInput(w.end)
  });
  if (o.goods) Object.assign(f, { quantity: o.goods.quantity, unit: o.goods.unit, expiryDate: o.goods.expiryDate || '' });
  const slots = (list) => (list || []).map((s) => ({ day: s.day, start: timeOfDay(s.start), end: timeOfDay(s.end) }));
  if (o.service) Object.assign(f, { skills: o.service.skills || [], languages: (o.service.languages || []).join(', '), capacity: o.service.capacity, sessionMinutes: o.service.sessionMinutes || '', slots: slots(o.service.schedule) });
  if (o.fund) Object.assign(f, { amountYuan: (o.fund.amountFen / 100).toString(), maxPerNeedYuan: o.fund.maxPerNeedFen ? (o.fund.maxPerNeedFen / 100).toString() : '', purpose: o.fund.purpose || '' });
  if (o.venue) Object.assign(f, { capacity: o.venue.capacity, slots: slots(o.venue.openingHours) });
  return f;
}

/** The form → CreateOfferRequest (resource-service): exactly the block of the offer's kind is set. */
export function offerBody(f, donorId) {
  const list = (s) => String(s || '').split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);
  const body = {
    donorId,
    kind: f.kind,
    category: f.category,
    title: f.title.trim(),
    description: f.description.trim() || null,
    beneficiaryGroups: f.beneficiaryGroups,
    communityIds: [],
    place: { name: f.placeName.trim() || null, districtCode: f.districtCode.trim(), streetCode: f.streetCode.trim() || null },
    availableWindow: { start: localInputToInstant(f.start), end: localInputToInstant(f.end) },
    goods: null,
    service: null,
    fund: null,
    venue: null
  };
  if (f.kind === 'GOODS') body.goods = { quantity: wholeNumber(f.quantity), unit: f.unit, expiryDate: f.expiryDate || null };
  if (f.kind === 'SERVICE') {
    body.service = { skills: f.skills, languages: list(f.languages), capacity: wholeNumber(f.capacity), sessionMinutes: wholeNumber(f.sessionMinutes), schedule: f.slots };
  }
  if (f.kind === 'FUND') body.fund = { amountFen: yuanToFen(f.amountYuan), maxPerNeedFen: yuanToFen(f.maxPerNeedYuan), purpose: f.purpose.trim() || null };
  if (f.kind === 'VENUE') body.venue = { capacity: wholeNumber(f.capacity), openingHours: f.slots };
  return body;
}

/** The form → UpdateOfferRequest (PUT /offers/{id}): only what may change; the kind's block only. */
export function updateBody(f) {
  const body = { title: f.title.trim(), description: f.description.trim(), availableUntil: localInputToInstant(f.end) };
  if (f.kind === 'GOODS') body.goods = { quantity: wholeNumber(f.quantity), expiryDate: f.expiryDate || null };
  if (f.kind === 'SERVICE') body.service = { capacity: wholeNumber(f.capacity), schedule: f.slots };
  if (f.kind === 'FUND') body.fund = { amountFen: yuanToFen(f.amountYuan), maxPerNeedFen: yuanToFen(f.maxPerNeedYuan) };
  if (f.kind === 'VENUE') body.venue = { capacity: wholeNumber(f.capacity), openingHours: f.slots };
  return body;
}
