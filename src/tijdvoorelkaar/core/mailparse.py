"""Reading an incoming email: who sent it, whether a machine did, and the new text a person
wrote above (or below) the message they answer. Plain functions on bytes and strings, no
database; used for replies by email (marketplace/email_replies.py).

What counts as the person's text: the readable part of the message (text/plain, else the
HTML part turned into text), without
- the quoted history: lines starting with ">", and everything from the line that
  introduces it ("Op ... schreef ...:", "Op ... heeft ... het volgende geschreven:",
  "On ... wrote:", "-----Original Message-----", "-----Oorspronkelijk bericht-----",
  Outlook's line of underscores or its block of "Van:/From:", "Verzonden:/Sent:",
  "Aan:/To:", "Onderwerp:/Subject:" headers);
- the signature: from a "-- " line, and the lines phones add ("Verzonden vanaf mijn
  iPhone", "Sent from my iPhone", "Outlook voor Android downloaden", ...).
When someone wrote below the quote instead of above it, the text after it is kept."""

import email
import re
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

# --- The message and its sender -----------------------------------------------------------


def parse(raw: bytes) -> EmailMessage:
    """The message, read leniently (a broken header does not stop the rest)."""
    return email.message_from_bytes(raw, policy=policy.default)


def sender_address(message: EmailMessage) -> str:
    """The address in From, lower case; empty when there is none."""
    try:
        value = str(message.get("From", ""))
    except (ValueError, IndexError):  # an unreadable header
        return ""
    return parseaddr(value)[1].strip().lower()


def addresses_in(message: EmailMessage, *headers: str) -> list[str]:
    """The addresses in the given headers (To, Cc, Delivered-To, ...), lower case, in
    order, without repeats."""
    found: list[str] = []
    for header in headers:
        try:
            values = [str(value) for value in message.get_all(header, [])]
        except (ValueError, IndexError):
            continue
        for _name, address in getaddresses(values):
            address = address.strip().lower()
            if address and address not in found:
                found.append(address)
    return found


AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
AUTO_SENDERS = re.compile(r"^(mailer-daemon|postmaster|no-?reply|bounces?)([+@-]|$)", re.I)
AUTO_SUBJECT = re.compile(
    r"^\s*(automatisch antwoord|automatic reply|auto[- ]?reply|afwezig|out of (the )?office"
    r"|niet aanwezig|undeliverable|onbestelbaar|delivery status notification)\b",
    re.I,
)


def is_automatic(message: EmailMessage, envelope_sender: str | None = None) -> bool:
    """Whether a machine sent it (an out-of-office reply, a bounce, a mailing list): such
    mail is never stored and never answered, so two machines cannot answer each other
    forever (RFC 3834)."""
    headers = {key.lower(): str(value) for key, value in message.items()}
    auto = headers.get("auto-submitted", "no").strip().lower()
    if auto and auto != "no":
        return True
    if headers.get("precedence", "").strip().lower() in AUTO_PRECEDENCE:
        return True
    if any(key in headers for key in ("x-autoreply", "x-autorespond", "list-id")):
        return True
    if headers.get("x-auto-response-suppress", "").strip().lower() in ("all", "oof"):
        return True
    if envelope_sender is not None and envelope_sender.strip() in ("", "<>"):
        return True  # bounces have an empty envelope sender
    if AUTO_SENDERS.match(sender_address(message)):
        return True
    return bool(AUTO_SUBJECT.match(headers.get("subject", "")))


# --- The readable text --------------------------------------------------------------------


def body_text(message: EmailMessage) -> str:
    """The text of the message: its plain-text part, else its HTML part as text.
    Attachments are left out."""
    part = message.get_body(preferencelist=("plain",))
    if part is not None:
        text = _content(part)
        if part.get_param("format", "").lower() == "flowed":
            text = unflow(text, delsp=part.get_param("delsp", "").lower() == "yes")
        if text.strip():
            return text
    part = message.get_body(preferencelist=("html",))
    if part is not None:
        return html_to_text(_content(part))
    return ""


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    return content.replace("\r\n", "\n").replace("\r", "\n")


def unflow(text: str, *, delsp: bool = False) -> str:
    """Undo format=flowed (RFC 3676): a line ending in a space continues on the next."""
    lines: list[str] = []
    joining = False
    for line in text.split("\n"):
        if joining:
            lines[-1] += line
        else:
            lines.append(line)
        joining = line.endswith(" ") and line != "-- "
        if joining and delsp:
            lines[-1] = lines[-1][:-1]
    return "\n".join(lines)


# Markers while turning HTML into text: a block's edge (one line break, as many edges in
# a row as one), a paragraph's edge (a blank line), the start and end of a quote.
BLOCK, PARAGRAPH, QUOTE_START, QUOTE_END = "\x01", "\x02", "\x03", "\x04"
BLOCK_TAGS = {
    "div", "table", "tr", "ul", "ol", "li", "pre", "address", "section", "article",
    "header", "footer", "center",
}  # fmt: skip
PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}
HIDDEN_TAGS = {"head", "style", "script", "title", "template"}
QUOTE_CONTAINERS = {"divRplyFwdMsg", "appendonsend"}  # Outlook's; Gmail's has a class


class _HtmlText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "hr":
            self.parts.append(f"{BLOCK}{'_' * 32}{BLOCK}")
        elif tag == "blockquote":
            self.parts.append(QUOTE_START)
        elif tag in PARAGRAPH_TAGS:
            self.parts.append(PARAGRAPH)
        elif tag in BLOCK_TAGS:
            self.parts.append(BLOCK)
        if tag == "div" and (
            "gmail_quote" in (attrs.get("class") or "").split()
            or attrs.get("id") in QUOTE_CONTAINERS
        ):
            self.parts.append(f"{'_' * 32}{BLOCK}")  # the quoted message follows

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "blockquote":
            self.parts.append(QUOTE_END)
        elif tag in PARAGRAPH_TAGS:
            self.parts.append(PARAGRAPH)
        elif tag in BLOCK_TAGS:
            self.parts.append(BLOCK)

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def _breaks(match: re.Match) -> str:
    """One run of markers and line breaks between two pieces of text, as a browser shows
    it: a <br> followed by a block's edge is one line break, a block's edge followed by a
    <br> (an empty <div><br></div>) adds one; a paragraph's edge is a blank line."""
    run = match.group(0)
    quotes = "".join(c for c in run if c in (QUOTE_START, QUOTE_END))
    literal = run.count("\n")
    need = 2 if PARAGRAPH in run else (1 if BLOCK in run else 0)
    stripped = run.strip(" ")
    count = literal + need if stripped[:1] in (BLOCK, PARAGRAPH) else max(literal, need)
    if quotes:
        return "\n" + "\n".join(quotes) + "\n" * max(count, 1)
    return "\n" * count


def html_to_text(html: str) -> str:
    """The text of an HTML message: paragraphs and line breaks kept, quoted parts
    (<blockquote>) marked with ">" as a mail program would, everything hidden dropped."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \n\x01-\x04]*[\n\x01-\x04][ \n\x01-\x04]*", _breaks, "".join(parser.parts))
    lines, depth = [], 0
    for line in text.split("\n"):
        if line == QUOTE_START:
            depth += 1
        elif line == QUOTE_END:
            depth = max(0, depth - 1)
        else:
            line = line.strip()
            lines.append(("> " * depth + line).rstrip() if depth else line)
    return _tidy("\n".join(lines))


# --- The new text only --------------------------------------------------------------------

# The line that introduces the quoted message, in the words of Gmail, Apple Mail, Outlook,
# Thunderbird and the phones, in Dutch and English.
ATTRIBUTION = re.compile(
    r"^(op\s(?=.*\d).{4,200}\sschreef\s.{0,200}:"
    r"|op\s(?=.*\d).{4,200}\sheeft\s.{0,200}\shet volgende geschreven\s*:"
    r"|on\s(?=.*\d).{4,200}\swrote\s*:"
    r"|.{0,120}<?[^\s<>@]+@[^\s<>@]+>?.{0,80}\s(schreef|wrote)(\s.{0,80})?:)$",
    re.I,
)
SEPARATOR = re.compile(
    r"^(-{2,}\s*(original message|oorspronkelijk bericht|origineel bericht|"
    r"oorspronkelijke bericht|forwarded message|doorgestuurd bericht)\s*-{2,}"
    r"|_{10,})\s*$",
    re.I,
)
HEADER_FROM = re.compile(r"^\*?(van|from)\s*:\*?\s", re.I)
HEADER_OTHER = re.compile(
    r"^\*?(verzonden|sent|datum|date|aan|to|onderwerp|subject|cc)\s*:\*?(\s|$)", re.I
)
SIGNATURE_LINE = re.compile(
    r"^(verzonden|verstuurd|gestuurd|sent|get|download)\s+"
    r"(vanaf|vanuit|met|from|with|via|)\s*(mijn|my|)\s*"
    r"(iphone|ipad|android|samsung|galaxy|huawei|mobiel|mobile|smartphone|"
    r"outlook|mail voor windows|mail for windows|gmail|blackberry)\b.*$"
    r"|^(outlook voor (ios|android) downloaden|get outlook for (ios|android))\s*$",
    re.I,
)


def _tidy(text: str) -> str:
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _is_header_block(lines: list[str], start: int) -> bool:
    """Outlook's "Van: / Verzonden: / Aan: / Onderwerp:" block starting at `start`."""
    if not HEADER_FROM.match(lines[start].strip()):
        return False
    following = [line.strip() for line in lines[start + 1 : start + 6] if line.strip()]
    return sum(bool(HEADER_OTHER.match(line)) for line in following) >= 2


def _attribution_at(lines: list[str], start: int) -> int:
    """How many lines the attribution starting at `start` takes (0: none there). Gmail
    wraps a long one over two or three lines."""
    text = lines[start].strip().lstrip("> ").strip()
    if not text:
        return 0
    for extra in range(3):
        if ATTRIBUTION.match(text):
            return extra + 1
        if start + extra + 1 >= len(lines):
            break
        text += " " + lines[start + extra + 1].strip().lstrip("> ").strip()
    return 0


def _history_starts(lines: list[str]) -> int | None:
    """The index of the first line of the quoted history, if any."""
    for index, raw in enumerate(lines):
        line = raw.strip()
        if SEPARATOR.match(line) or _is_header_block(lines, index):
            return index
        if not line.startswith(">") and _attribution_at(lines, index):
            return index
    return None


def _signature_starts(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.rstrip("\r") in ("-- ", "--") or SIGNATURE_LINE.match(line.strip()):
            return index
    return None


def _drop_quoted(lines: list[str]) -> list[str]:
    kept = []
    index = 0
    while index < len(lines):
        size = _attribution_at(lines, index)
        if size:
            index += size
            continue
        if not lines[index].lstrip().startswith(">"):
            kept.append(lines[index])
        index += 1
    return kept


def strip_reply(text: str) -> str:
    """The new text of a reply: without the quoted history and the signature."""
    lines = text.replace("\r\n", "\n").split("\n")
    start = _history_starts(lines)
    if start is not None:
        above = lines[:start]
        if _tidy("\n".join(_drop_quoted(above))):
            lines = above
        else:
            # Written below the quote: keep what follows it, without the quoted lines and
            # without a header block.
            rest = lines[start:]
            end = next((i for i, line in enumerate(rest) if not line.strip()), len(rest))
            if SEPARATOR.match(rest[0].strip()) or _is_header_block(rest, 0):
                rest = rest[end:]
            lines = rest
    lines = _drop_quoted(lines)
    signature = _signature_starts(lines)
    if signature is not None:
        lines = lines[:signature]
    return _tidy("\n".join(lines))


def reply_text(message: EmailMessage) -> str:
    """What the person wrote in this reply (may be empty)."""
    return strip_reply(body_text(message))
