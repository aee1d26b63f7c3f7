// What stops the current page from reflowing (WCAG 1.4.10, 1.4.12), as a list of sentences; [] when it reflows.
// Evaluated by e2e/test_reflow.py. Options: tables (a table's wrapper must not scroll sideways: on phones
// cells stack; default: at 640 CSS px and below), spill (text overflowing its box, so it overlaps what follows).
({tables = document.documentElement.clientWidth <= 640, spill = false} = {}) => {
  const problems = [];
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += `#${el.id}`;
    if (el.classList.length) name += `.${[...el.classList].join(".")}`;
    const text = (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return text ? `${name} ("${text}")` : name;
  };
  const shown = (el) => {
    const style = getComputedStyle(el);
    return style.display !== "none" && style.visibility !== "hidden" && el.getClientRects().length > 0;
  };
  const elements = [...document.body.querySelectorAll("*")].filter(shown);
  // The standard "visually hidden" pattern: a 1 px box clipped to nothing. Its content is meant to be cut.
  const hiddenBoxes = elements.filter((el) => {
    const style = getComputedStyle(el);
    const clipped = style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)";
    return clipped && el.getBoundingClientRect().width <= 1;
  });
  const visuallyHidden = (el) => hiddenBoxes.some((box) => box.contains(el));

  // 1. No sideways scrolling of the document.
  if (root.scrollWidth > viewport) {
    const culprits = elements
      .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= viewport + 0.5);
    problems.push(
      `the document is ${root.scrollWidth} px wide in a ${viewport} px viewport; sticking out: ` +
        (culprits.slice(0, 5).map(describe).join(", ") || "nothing visible")
    );
  }
  for (const el of elements) {
    if (visuallyHidden(el)) continue;
    const style = getComputedStyle(el);
    // 2. No clipped content: a box that hides what does not fit in it (a text field scrolls its own value).
    if (el.matches("input, textarea, select")) continue;
    const clips = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
    if (clips && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${describe(el)} cuts its content (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    const clipsDown = ["hidden", "clip"].includes(style.overflowY);
    if (clipsDown && el.clientHeight > 1 && el.scrollHeight > el.clientHeight + 1) {
      problems.push(`${describe(el)} cuts its content (${el.scrollHeight} px high in ${el.clientHeight} px)`);
    }
    // 4. No text spilling out of its box over its neighbours (a fixed height or width too small for the text).
    const ownText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    if (spill && ownText && !clips && el.clientWidth > 0 && style.display !== "inline") {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        problems.push(
          `${describe(el)}: its text spills out of its box (${el.scrollWidth} x ${el.scrollHeight} px in ` +
            `${el.clientWidth} x ${el.clientHeight} px)`
        );
      }
    }
  }
  // 3. Everything in a table's scrolling wrapper stays in it (else the wrapper neither clips nor scrolls it).
  for (const wrap of document.querySelectorAll(".table-wrap")) {
    if (!shown(wrap)) continue;
    if (tables && wrap.scrollWidth > wrap.clientWidth) {
      const edge = wrap.getBoundingClientRect().left + wrap.clientLeft + wrap.clientWidth - wrap.scrollLeft;
      const beyond = [...wrap.querySelectorAll("*")].filter((el) => shown(el) && el.getBoundingClientRect().right > edge + 0.5);
      const deepest = beyond.filter((el) => !beyond.some((other) => other !== el && el.contains(other)));
      problems.push(
        `${describe(wrap.querySelector("table") || wrap)} scrolls sideways by ${wrap.scrollWidth - wrap.clientWidth} px` +
          (deepest.length ? `; too wide: ${deepest.slice(0, 3).map(describe).join(", ")}` : "")
      );
    }
    const box = wrap.getBoundingClientRect();
    const left = box.left + wrap.clientLeft - wrap.scrollLeft;
    const right = left + wrap.scrollWidth;
    for (const el of wrap.querySelectorAll("*")) {
      if (!shown(el)) continue;
      const style = getComputedStyle(el);
      const escapes =
        style.position === "fixed" ||
        (style.position === "absolute" && !(el.offsetParent && (el.offsetParent === wrap || wrap.contains(el.offsetParent))));
      const rect = el.getBoundingClientRect();
      if (escapes) {
        problems.push(`${describe(el)} escapes its table wrapper (positioned against ${el.offsetParent ? describe(el.offsetParent) : "the page"})`);
      } else if (rect.width > 0 && (rect.left < left - 1 || rect.right > right + 1)) {
        problems.push(`${describe(el)} sticks out of its table wrapper`);
      }
    }
  }
  return problems;
}
