// One colour per event type: fixed for the common types, hashed for the others.

const FIXED = {
  airstrike: "#d62728", shelling: "#ff7f0e", armed_clash: "#8c564b",
  territory_capture: "#9467bd", weapons_seizure: "#1f77b4", suicide_bombing: "#e377c2",
  aid_delivery: "#2ca02c",
};
const PALETTE = ["#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31",
                 "#843c39", "#7b4173", "#3182bd", "#e6550d"];

export function colourOf(type) {
  if (FIXED[type]) return FIXED[type];
  let h = 0;
  for (const ch of String(type)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}
