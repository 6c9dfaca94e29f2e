#!/usr/bin/env python3
"""Render registry records into the five page layouts, with expected exports.

Usage: render.py TRUTH.json OUTDIR LAYOUT:NCTID ...

TRUTH.json is `trials export` of the registry's own JSON/XML records (the
truth). For each LAYOUT:NCTID a page OUTDIR/LAYOUT/NCTID.txt is written the
way that site prints the record (as the example documents in
loader/testdata/layouts show), and OUTDIR/LAYOUT/NCTID.json holds what the
page states, taken from the record -- written before any parser reads the
page. The keys an expectation omits are not checked.
"""
import json, os, sys, datetime

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONGMONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]


def classic_date(iso):
    p = iso.split("-")
    if len(p) == 3:
        return f"{MONTHS[int(p[1]) - 1]} {int(p[2])}, {p[0]}"
    if len(p) == 2:
        return f"{MONTHS[int(p[1]) - 1]} {p[0]}"
    return iso


def words(enum):
    return enum.replace("_", " ").lower().capitalize() if enum else ""


STATUS_WORDS = {"RECRUITING": "Recruiting", "NOT_YET_RECRUITING": "Not yet recruiting",
                "ACTIVE_NOT_RECRUITING": "Active, not recruiting", "COMPLETED": "Completed",
                "TERMINATED": "Terminated", "WITHDRAWN": "Withdrawn", "SUSPENDED": "Suspended",
                "ENROLLING_BY_INVITATION": "Enrolling by invitation", "UNKNOWN": "Unknown status",
                "AVAILABLE": "Available", "NO_LONGER_AVAILABLE": "No longer available"}
CLASS_WORDS = {"INDUSTRY": "Industry", "NIH": "NIH", "FED": "U.S. Fed", "OTHER_GOV": "Other Government",
               "INDIV": "Individual", "NETWORK": "Network", "OTHER": "Other", "UNKNOWN": "Other"}
ARM_WORDS = {"EXPERIMENTAL": "Experimental", "ACTIVE_COMPARATOR": "Active Comparator",
             "PLACEBO_COMPARATOR": "Placebo Comparator", "SHAM_COMPARATOR": "Sham Comparator",
             "NO_INTERVENTION": "No Intervention", "OTHER": "Other"}
IV_WORDS = {"DRUG": "Drug", "BIOLOGICAL": "Biological", "PROCEDURE": "Procedure", "DEVICE": "Device",
            "RADIATION": "Radiation", "BEHAVIORAL": "Behavioral", "GENETIC": "Genetic",
            "DIETARY_SUPPLEMENT": "Dietary Supplement", "COMBINATION_PRODUCT": "Combination Product",
            "DIAGNOSTIC_TEST": "Diagnostic Test", "OTHER": "Other"}
MODEL_WORDS = {"PARALLEL": "Parallel Assignment", "SINGLE_GROUP": "Single Group Assignment",
               "CROSSOVER": "Crossover Assignment", "FACTORIAL": "Factorial Assignment",
               "SEQUENTIAL": "Sequential Assignment"}
WHO_WORDS = {"PARTICIPANT": "Participant", "CARE_PROVIDER": "Care Provider", "INVESTIGATOR": "Investigator",
             "OUTCOMES_ASSESSOR": "Outcomes Assessor"}
WHO_MIRROR = {"PARTICIPANT": "Participants", "CARE_PROVIDER": "Care Providers", "INVESTIGATOR": "Investigators",
              "OUTCOMES_ASSESSOR": "Outcome Assessors"}
PURPOSE_WORDS = {"TREATMENT": "Treatment", "PREVENTION": "Prevention", "DIAGNOSTIC": "Diagnostic",
                 "SUPPORTIVE_CARE": "Supportive Care", "SCREENING": "Screening",
                 "HEALTH_SERVICES_RESEARCH": "Health Services Research", "BASIC_SCIENCE": "Basic Science",
                 "OTHER": "Other", "DEVICE_FEASIBILITY": "Device Feasibility"}


def phase_text(phases):
    if not phases:
        return ""
    if phases == ["NA"]:
        return "Not Applicable"
    return "/".join(("Early Phase 1" if p == "EARLY_PHASE1" else "Phase " + p[5:]) for p in phases)


def md_escape(s):
    # The registry's markdown escapes, as mirror pages print them.
    return s.replace("<", "\\<").replace(">", "\\>")


def flatten(cs):
    out = []
    for c in cs:
        out.append(c["text"])
        out.extend(flatten(c["children"]))
    return out


def nested(cs):
    return any(c["children"] for c in cs)


def crit_lines(cs, scheme, depth=0):
    """Criteria as marked lines without indentation (the mirrors)."""
    out = []
    for i, c in enumerate(cs):
        out.append(scheme(depth, i) + c["text"])
        out.extend(crit_lines(c["children"], scheme, depth + 1))
    return out


def mirror_marker(numbered):
    def m(depth, i):
        if depth == 0:
            return f"{i + 1}. " if numbered else "* "
        if depth == 1:
            return chr(ord("a") + i % 26) + ". "
        return "* " if depth == 2 else "- "
    return m


def pick(t, name, arm):
    """The intervention an arm names: by name, and given in that arm."""
    named = [i for i in t["interventions"] if i["name"].lower() == name.lower()]
    for i in named:
        if arm in i["arms"]:
            return i
    return named[0] if named else None


def lines_of(text):
    return [l for l in text.split("\n") if l.strip()]


def expect_common(t, keys):
    return {k: t[k] for k in keys}


def blank_criteria(e):
    return {"inclusion": e["inclusion"], "exclusion": e["exclusion"], "notes": e["notes"]}


# ----------------------------------------------------------------- mirrors

BLURBS = {
    "Basic Information": "Get a concise snapshot of the trial, including recruitment status, study phase, enrollment targets, and key timeline milestones.",
    "Brief Summary": "Review the sponsor-provided synopsis that highlights what the study is about and why it is being conducted.",
    "Detailed Description": "Dive into the extended narrative that explains the scientific background, objectives, and procedures in greater depth.",
    "Conditions": "See the medical conditions and disease areas that this research is targeting or investigating.",
    "Study Design": "Understand how the trial is structured, including allocation methods, masking strategies, primary purpose, and other design elements.",
    "Study Groups": "Review each arm or cohort in the study, along with the interventions and objectives associated with them.",
    "Interventions": "Learn about the drugs, procedures, or behavioral strategies being tested and how they are applied within this trial.",
    "Other Intervention Names": "Discover alternative or legacy names that may be used to describe the listed interventions across different sources.",
    "Eligibility Criteria": "Check the participation requirements, including inclusion and exclusion rules, age limits, and whether healthy volunteers are accepted.",
    "Sponsors": "Meet the organizations funding or collaborating on the study and learn about their roles.",
    "Responsible Party": "Identify the individual or organization who holds primary responsibility for the study information submitted to regulators.",
    "Principal Investigators": "Learn about the lead researchers overseeing the trial and their institutional affiliations.",
    "Locations": "Explore where the study is taking place and check the recruitment status at each participating site.",
    "Countries": "Review the countries where the study has at least one active or historical site.",
    "Other Identifiers": "Review additional registry numbers or institutional identifiers associated with this trial.",
    "More Related Trials": "Additional clinical trials that may be relevant based on similarity analysis.",
}


def mirror(t, labelled):
    L = []
    sec = lambda name: L.extend([name, BLURBS[name]])
    L += [t["title"], "NCT ID: " + t["nct_id"], "Last Updated: " + t["last_updated"]]
    L += ["Study Results", "The study team has not published outcome measurements, participant flow, or safety data for this trial yet. Check back later for updates."]
    sec("Basic Information")
    dates = [d for d in [t["start_date"], t["primary_completion_date"], t["completion_date"]] if d]
    enr = f"{t['enrollment']} participants" if t["enrollment"] is not None else ""
    if labelled:
        L += ["Recruitment Status", t["status"]]
        if t["phases"]:
            L += ["Clinical Phase", "/".join(t["phases"])]
        if enr:
            L += ["Total Enrollment", enr]
        if t["enrollment_type"]:
            L += ["Enrollment Type", t["enrollment_type"]]
        L += ["Study Classification", t["study_type"]]
        for lab, d in [("Study Start Date", t["start_date"]), ("Primary Completion Date", t["primary_completion_date"]), ("Study Completion Date", t["completion_date"])]:
            if d:
                L += [lab, d]
        if t["acronym"]:
            L += ["Acronym", t["acronym"]]
        if t["official_title"] and t["official_title"] != t["title"]:
            L += ["Official Title", t["official_title"]]
    else:
        L += [t["status"]] + (["/".join(t["phases"])] if t["phases"] else []) + ([enr] if enr else []) + [t["study_type"]] + dates
    sec("Brief Summary")
    L += lines_of(md_escape(t["brief_summary"]))
    if t["detailed_description"]:
        sec("Detailed Description")
        L += lines_of(md_escape(t["detailed_description"]))
    sec("Conditions")
    L += t["conditions"]
    if t["keywords"]:
        L += ["Keywords"] + t["keywords"]
    sec("Study Design")
    d = t["design"]
    if labelled:
        for lab, v in [("Allocation Method", d["allocation"]), ("Intervention Model", d["intervention_model"])]:
            if v:
                L += [lab, v]
                if lab == "Intervention Model" and d["intervention_model_description"]:
                    L += lines_of(d["intervention_model_description"])
        if d["primary_purpose"]:
            L += ["Primary Study Purpose", d["primary_purpose"]]
        if d["masking"]:
            L += ["Blinding Strategy", d["masking"]] + [WHO_MIRROR[w] for w in d["who_masked"]]
            L += lines_of(d["masking_description"])
        if d["observational_model"]:
            L += ["Observational Model", d["observational_model"]]
        if d["time_perspective"]:
            L += ["Time Perspective", d["time_perspective"]]
    else:
        for v in [d["allocation"], d["intervention_model"]]:
            if v:
                L.append(v)
        if d["intervention_model"] and d["intervention_model_description"]:
            L += lines_of(d["intervention_model_description"])
        if d["primary_purpose"]:
            L.append(d["primary_purpose"])
        if d["masking"]:
            L.append(d["masking"])
            if d["who_masked"]:
                L.append(", ".join(WHO_MIRROR[w] for w in d["who_masked"]))
            L += lines_of(d["masking_description"])
        for v in [d["observational_model"], d["time_perspective"]]:
            if v:
                L.append(v)
    ivs = {i["name"].lower(): i for i in t["interventions"]}
    if t["arms"]:
        sec("Study Groups")
        for a in t["arms"]:
            L.append(a["label"])
            L += lines_of(md_escape(a["description"]))
            if labelled and a["type"]:
                L.append("Group Type " + a["type"])
            for n in a["interventions"]:
                iv = pick(t, n, a["label"])
                L.append(n)
                if iv is None:
                    continue
                if labelled and iv["type"]:
                    L.append("Intervention Type " + iv["type"])
                L += lines_of(md_escape(iv["description"]))
    if t["interventions"]:
        sec("Interventions")
        for iv in t["interventions"]:
            L.append(iv["name"])
            L += lines_of(md_escape(iv["description"]))
            if labelled and iv["type"]:
                L.append("Intervention Type " + iv["type"])
        others = [o for iv in t["interventions"] for o in iv["other_names"]]
        if others:
            sec("Other Intervention Names")
            L.append(" ".join(others))
    e = t["eligibility"]
    sec("Eligibility Criteria")
    for head, cs, which in [("Inclusion Criteria", e["inclusion"], 0), ("Exclusion Criteria", e["exclusion"], 1)]:
        if not cs:
            continue
        L.append(head)
        L += [md_escape(n) for n in e["notes"][which:which + 1]] if len(e["notes"]) == 2 else ([md_escape(n) for n in e["notes"]] if which == 0 else [])
        L += [md_escape(x) for x in crit_lines(cs, mirror_marker(nested(cs)))]
    if labelled:
        for lab, v in [("Minimum Eligible Age", e["min_age"]), ("Maximum Eligible Age", e["max_age"]), ("Eligible Sex", e["sex"])]:
            if v:
                L += [lab, v]
        if e["healthy_volunteers"] is not None:
            L += ["Accepts Healthy Volunteers", "Yes" if e["healthy_volunteers"] else "No"]
        if e["study_population"]:
            L += ["Study Population"] + lines_of(e["study_population"])
        if e["sampling_method"]:
            L += ["Sampling Method", e["sampling_method"]]
    else:
        L += [v for v in [e["min_age"], e["max_age"], e["sex"]] if v]
        if e["healthy_volunteers"] is not None:
            L.append("Yes" if e["healthy_volunteers"] else "No")
    sec("Sponsors")
    if labelled:
        for s, role in [(t["lead_sponsor"], "lead")] + [(c, "collaborator") for c in t["collaborators"]]:
            L += [s["name"]] + ([s["class"]] if s["class"] else []) + ["Sponsor Role " + role]
    else:
        for s in t["collaborators"] + [t["lead_sponsor"]]:
            L += [s["name"]] + ([s["class"]] if s["class"] else [])
    sec("Responsible Party")
    if t["investigators"]:
        sec("Principal Investigators")
        for v in t["investigators"]:
            L += [v["name"], "Role: " + v["role"]] + ([v["affiliation"]] if v["affiliation"] else [])
    if t["locations"]:
        sec("Locations")
        for l in t["locations"]:
            L.append(l["facility"])
            L.append(", ".join([l["city"], l["state"], l["country"]]))
            if labelled:
                L.append("Site Status" + (" " + l["status"] if l["status"] else ""))
    sec("Countries")
    L.append(" ".join(t["countries"]))
    sec("Other Identifiers")
    for i in t["secondary_ids"]:
        L += [i["id"], "Identifier Type: " + (i["type"] or "-"),
              "Identifier Source: " + ("org_study_id" if i["id"] == t["org_study_id"] else "secondary_id")]
    sec("More Related Trials")
    L = [x for x in L if x != ""]
    text = ("\n\n" if labelled else "\n").join(L) + "\n"

    exp = expect_common(t, ["nct_id", "title", "status", "phases", "study_type", "enrollment", "last_updated",
                            "conditions", "keywords", "brief_summary", "detailed_description", "lead_sponsor",
                            "collaborators", "investigators", "org_study_id"])
    exp["design"] = {k: d[k] for k in ["allocation", "intervention_model", "masking", "who_masked", "primary_purpose",
                                       "observational_model", "time_perspective", "intervention_model_description", "masking_description"]}
    exp["secondary_ids"] = [{"id": i["id"], "type": i["type"]} for i in t["secondary_ids"]]
    exp["arms"] = [{"label": a["label"], "type": a["type"] if labelled else "", "description": a["description"], "interventions": a["interventions"]} for a in t["arms"]]
    exp["interventions"] = [{"name": i["name"], "type": i["type"] if labelled else "", "description": i["description"], "other_names": i["other_names"]} for i in t["interventions"]]
    el = {k: e[k] for k in ["min_age", "max_age", "sex", "healthy_volunteers"]}
    el.update(blank_criteria(e))
    if labelled:
        el.update({k: e[k] for k in ["study_population", "sampling_method"]})
        exp.update({k: t[k] for k in ["enrollment_type", "start_date", "primary_completion_date", "completion_date", "acronym"]})
        if t["official_title"] != t["title"]:
            exp["official_title"] = t["official_title"]
    else:
        exp.update({"start_date": t["start_date"], "primary_completion_date": t["primary_completion_date"], "completion_date": t["completion_date"]})
    exp["eligibility"] = el
    exp["locations"] = [{"facility": l["facility"], "city": l["city"], "state": l["state"], "country": l["country"], "status": l["status"] if labelled else ""} for l in t["locations"]]
    exp["countries"] = t["countries"]
    return text, exp


# ----------------------------------------------------------------- classic

def classic_crit(cs, depth=0):
    out = []
    numbered = nested(cs) or depth > 0
    for i, c in enumerate(cs):
        mark = f"{i + 1}. " if numbered else "• "
        out.append("    " * depth + mark + c["text"])
        out.append("")
        out.extend(classic_crit(c["children"], depth + 1))
    return out


def classic(t):
    L = [t["title"], ""]
    L += ["Sponsor", f"{t['lead_sponsor']['name']} ({CLASS_WORDS.get(t['lead_sponsor']['class'], 'Other')})"]
    L += ["Overall Status", STATUS_WORDS.get(t["status"], words(t["status"])), "CT.gov ID", t["nct_id"]]
    for c in t["collaborators"]:
        L += ["Collaborator", f"{c['name']} ({CLASS_WORDS.get(c['class'], 'Other')})"]
    L += [str(t["enrollment"] or 0), "1", "2", "3", "0.5", "", "Study Details", "", "Study Description", "", "Brief Summary", ""]
    for p in t["brief_summary"].split("\n\n"):
        L += [p, ""]
    L += ["Condition or Disease Intervention/Treatment Phase"] + t["conditions"]
    L += [f"{IV_WORDS.get(i['type'], 'Other')}: {i['name']}" for i in t["interventions"]]
    L += [phase_text(t["phases"]).replace("/", " ")] if t["phases"] else []
    L.append("")
    if t["detailed_description"]:
        L += ["Detailed Description", ""]
        for p in t["detailed_description"].split("\n\n"):
            L += [p, ""]
    d = t["design"]
    L += ["Study Design", "", "Study Type:", words(t["study_type"]).title()]
    if t["enrollment"] is not None:
        et = {"ACTUAL": "Actual ", "ESTIMATED": "Anticipated "}.get(t["enrollment_type"], "")
        L += [f"{et}Enrollment :", f"{t['enrollment']} participants"]
    if d["allocation"]:
        L += ["Allocation:", {"RANDOMIZED": "Randomized", "NON_RANDOMIZED": "Non-Randomized", "NA": "N/A"}[d["allocation"]]]
    if d["intervention_model"]:
        L += ["Intervention Model:", MODEL_WORDS.get(d["intervention_model"], words(d["intervention_model"]))]
    if d["intervention_model_description"]:
        L += ["Intervention Model Description:"] + lines_of(d["intervention_model_description"])
    if d["masking"]:
        m = {"NONE": "None (Open Label)", "SINGLE": "Single", "DOUBLE": "Double", "TRIPLE": "Triple", "QUADRUPLE": "Quadruple"}[d["masking"]]
        if d["who_masked"] and d["masking"] != "NONE":
            m += " (" + ", ".join(WHO_WORDS[w] for w in d["who_masked"]) + ")"
        L += ["Masking:", m]
    if d["masking_description"]:
        L += ["Masking Description:"] + lines_of(d["masking_description"])
    if d["primary_purpose"]:
        L += ["Primary Purpose:", PURPOSE_WORDS.get(d["primary_purpose"], words(d["primary_purpose"]))]
    if d["observational_model"]:
        L += ["Observational Model:", words(d["observational_model"]).title()]
    if d["time_perspective"]:
        L += ["Time Perspective:", words(d["time_perspective"]).title()]
    if t["official_title"]:
        L += ["Official Title:", t["official_title"]]
    for lab, date, typ in [("Study Start Date", t["start_date"], t["start_date_type"]),
                           ("Primary Completion Date", t["primary_completion_date"], t["primary_completion_date_type"]),
                           ("Study Completion Date", t["completion_date"], t["completion_date_type"])]:
        if date:
            pre = {"ACTUAL": "Actual ", "ESTIMATED": "Anticipated "}.get(typ, "")
            L += [f"{pre}{lab} :", classic_date(date)]
    L.append("")
    ivs = {i["name"].lower(): i for i in t["interventions"]}
    indent = ""
    if t["arms"] and t["study_type"] == "OBSERVATIONAL":
        L += ["Groups and Cohorts", "", "Group/Cohort Intervention/Treatment"]
    elif t["arms"]:
        L += ["Arms and Interventions", "", "Arm Intervention/Treatment"]
        for a in t["arms"]:
            L += [indent + f"{ARM_WORDS.get(a['type'], 'Other')}: {a['label']}" if a["type"] else indent + a["label"], ""]
            for dl in lines_of(a["description"]):
                L += [indent + dl]
            L.append("")
            for n in a["interventions"]:
                iv = pick(t, n, a["label"])
                typ = IV_WORDS.get(iv["type"], "Other") if iv else "Other"
                L += [indent + f"{typ}: {n}"]
                if iv:
                    L += [indent + x for x in lines_of(iv["description"])]
                    if iv["other_names"]:
                        L += [indent + "Other Names:"] + [indent + "  • " + o for o in iv["other_names"]]
                        # The scrape's artefact: what follows is indented.
                        indent = "    "
                L.append("")
    out = t["outcomes"]
    if any(out.values()):
        L += [indent + "Outcome Measures", ""]
        for head, os_ in [("Primary Outcome Measures", out["primary"]), ("Secondary Outcome Measures", out["secondary"]), ("Other Outcome Measures", out["other"])]:
            if not os_:
                continue
            L += [indent + head, ""]
            for i, o in enumerate(os_):
                tf = f" [{o['time_frame']}]" if o["time_frame"] else ""
                L += [indent + f"{i + 1}. {o['measure']}{tf}", ""]
                if o["description"]:
                    L += [indent + "  " + x for x in lines_of(o["description"])] + [""]
    e = t["eligibility"]
    L += ["Eligibility Criteria", "", "Criteria", ""]
    ages = ""
    if e["min_age"] and e["max_age"]:
        ages = f"{e['min_age']} to {e['max_age']}"
    elif e["min_age"]:
        ages = f"{e['min_age']} and older"
    elif e["max_age"]:
        ages = f"up to {e['max_age']}"
    if ages:
        L += ["Ages Eligible for Study:", ages]
    if e["sex"]:
        L += ["Sexes Eligible for Study:", words(e["sex"]).title()]
    if e["healthy_volunteers"] is not None:
        L += ["Accepts Healthy Volunteers:", "Yes" if e["healthy_volunteers"] else "No"]
    for head, cs, which in [("Inclusion Criteria:", e["inclusion"], 0), ("Exclusion Criteria:", e["exclusion"], 1)]:
        if cs:
            L += [head]
            if which == 0 and e["notes"] and len(e["notes"]) == 1:
                L += [e["notes"][0], ""]
            elif len(e["notes"]) == 2:
                L += [e["notes"][which], ""]
            L += classic_crit(cs)
    L += ["Contacts and Locations", ""]
    if t["central_contacts"]:
        L += ["Contacts", ""]
        for c in t["central_contacts"]:
            L.append("Contact: " + " ".join(x for x in [c["name"], c["phone"], c["email"]] if x))
        L.append("")
    if t["locations"]:
        L += ["Locations", "", "Site City State Country Postal Code"]
        for i, l in enumerate(t["locations"]):
            L.append(" ".join(x for x in [str(i + 1), l["facility"], l["city"], l["state"], l["country"], l["zip"]] if x))
        L.append("")
    L += ["Sponsors and Collaborators", ""] + ["• " + s["name"] for s in [t["lead_sponsor"]] + t["collaborators"]] + [""]
    if t["investigators"]:
        L += ["Investigators", ""]
        for v in t["investigators"]:
            role = v["role"].replace("_", " ").title()
            L.append(f"• {role}: {v['name']}" + (f", {v['affiliation']}" if v["affiliation"] else ""))
        L.append("")
    L += ["More Information", "", "Publications", "", "None provided.", "Responsible Party:", t["lead_sponsor"]["name"],
          "ClinicalTrials.gov Identifier:", t["nct_id"]]
    if t["secondary_ids"]:
        L += ["Other Study ID Numbers:"] + ["• " + i["id"] for i in t["secondary_ids"]]
    if t["first_posted"]:
        L += ["First Posted:", classic_date(t["first_posted"])]
    if t["last_updated"]:
        L += ["Last Update Posted:", classic_date(t["last_updated"])]
    if t["status_verified"]:
        L += ["Last Verified:", classic_date(t["status_verified"] + "-01")]
    L += ["", "Study Results", ""]
    L += ["Results First Posted : " + classic_date(t["last_updated"])] if t["has_results"] else ["No Results Posted as of " + classic_date(t["last_updated"])]
    text = "\n".join(L) + "\n"

    exp = expect_common(t, ["nct_id", "title", "status", "phases", "study_type", "enrollment", "enrollment_type",
                            "start_date", "start_date_type", "primary_completion_date", "primary_completion_date_type",
                            "completion_date", "completion_date_type", "first_posted", "last_updated", "status_verified",
                            "has_results", "conditions", "brief_summary", "detailed_description", "official_title",
                            "investigators", "central_contacts"])
    exp["lead_sponsor"] = {"name": t["lead_sponsor"]["name"], "class": t["lead_sponsor"]["class"] if t["lead_sponsor"]["class"] != "UNKNOWN" else "OTHER"}
    exp["collaborators"] = [{"name": c["name"], "class": c["class"] if c["class"] != "UNKNOWN" else "OTHER"} for c in t["collaborators"]]
    exp["design"] = {k: d[k] for k in ["allocation", "intervention_model", "masking", "who_masked", "primary_purpose",
                                       "observational_model", "time_perspective", "intervention_model_description", "masking_description"]}
    exp["arms"] = [{"label": a["label"], "type": a["type"], "description": a["description"], "interventions": a["interventions"]} for a in t["arms"]]
    exp["interventions"] = [{"name": i["name"], "type": i["type"], "description": i["description"] if any(i["name"] in a["interventions"] for a in t["arms"]) else "", "other_names": i["other_names"]} for i in t["interventions"]]
    exp["outcomes"] = t["outcomes"]
    el = {k: e[k] for k in ["min_age", "max_age", "sex", "healthy_volunteers"]}
    el.update(blank_criteria(e))
    exp["eligibility"] = el
    exp["locations"] = [{"facility": l["facility"], "city": l["city"], "state": l["state"], "zip": l["zip"], "country": l["country"]} for l in t["locations"]]
    exp["secondary_ids"] = [{"id": i["id"]} for i in t["secondary_ids"]]
    return text, exp


# ----------------------------------------------------------------- ClinConnect

def cc_crit(cs, depth=0):
    out = []
    for i, c in enumerate(cs):
        if depth == 0:
            mark = f"{i + 1}. "
        elif depth == 1:
            mark = chr(ord("a") + i % 26) + ". "
        else:
            mark = ""
        bullet = "" if (c["children"] and depth == 0) else "• "
        out.append("- " + bullet + mark + c["text"])
        out.extend(cc_crit(c["children"], depth + 1))
    return out


def clinconnect(t):
    L = [t["title"]]
    start = t["start_date"]
    L.append(f"Launched by {t['lead_sponsor']['name'].upper()} · " + (classic_date(start) if start and len(start) == 10 else ""))
    L += ["Trial Information", "Current as of " + datetime.date(2025, 6, 28).strftime("%B %-d, %Y"),
          STATUS_WORDS.get(t["status"], words(t["status"])), "Keywords"] + t["keywords"]
    L += ["ClinConnect Summary"] + lines_of(t["brief_summary"])
    e = t["eligibility"]
    if e["sex"]:
        L += ["Gender", e["sex"]]
    L += ["Eligibility criteria"]
    for head, cs, which in [("Inclusion Criteria:", e["inclusion"], 0), ("Exclusion Criteria:", e["exclusion"], 1)]:
        if cs:
            L.append("- " + head)
            if len(e["notes"]) == 2:
                L.append("- " + e["notes"][which])
            elif which == 0 and e["notes"]:
                L.append("- " + e["notes"][0])
            L += [md_escape(x) for x in cc_crit(cs)]
    sponsor = t["lead_sponsor"]["name"]
    L += ["About " + sponsor, f"{sponsor} is an organisation that sponsors and conducts clinical research, working with hospitals and investigators to evaluate new treatments for patients."]
    L += ["Contacts", "Jennifer Cobb", "Immunology at National Institute of Allergy and Infectious Diseases (NIAID)", "Locations"]
    for l in t["locations"][:20]:
        if l["facility"]:
            L.append(l["facility"])
        L.append(", ".join([l["city"], l["state"], l["country"]]))
    L += ["Patients applied", "Timeline", "First submit", "Trial launched", "Trial updated", "Estimated completion", "Not reported"]
    text = "\n".join(L) + "\n"
    exp = {"nct_id": "", "title": t["title"], "status": t["status"], "keywords": t["keywords"],
           "lead_sponsor": {"name": sponsor.upper(), "class": ""},
           "start_date": start if start and len(start) == 10 else "", "last_updated": ""}
    el = {"sex": e["sex"]}
    el.update(blank_criteria(e))
    # The page marks two levels below the top ("1.", "a.", then "•"): what
    # is deeper prints like its parent's siblings.
    def collapse(cs, depth=0):
        out = []
        for c in cs:
            if depth >= 2:
                out.append({"text": c["text"], "children": []})
                out.extend(collapse(c["children"], depth))
            else:
                out.append({"text": c["text"], "children": collapse(c["children"], depth + 1)})
        return out
    el["inclusion"], el["exclusion"] = collapse(e["inclusion"]), collapse(e["exclusion"])
    exp["eligibility"] = el
    exp["locations"] = [{"facility": l["facility"], "city": l["city"], "state": l["state"], "country": l["country"]} for l in t["locations"][:20]]
    return text, exp


# ----------------------------------------------------------------- MedPath

def medpath(t):
    L = ["MedPath", "", t["title"], ""]
    if t["phases"]:
        L.append(phase_text(t["phases"]))
    L.append(STATUS_WORDS.get(t["status"], words(t["status"])))
    L += ["Conditions"] + t["conditions"]
    if t["interventions"]:
        L += ["Interventions"] + [f"{IV_WORDS.get(i['type'], 'Other')}: {i['name']}" for i in t["interventions"]]
    L += ["Registration Number", t["nct_id"], "Lead Sponsor", t["lead_sponsor"]["name"]]
    if t["collaborators"]:
        L += ["Collaborators"] + [c["name"] for c in t["collaborators"]]
    L += ["Brief Summary", ""]
    for p in t["brief_summary"].split("\n\n"):
        L += [p, ""]
    if t["detailed_description"]:
        L += ["Detailed Description", ""]
        for p in t["detailed_description"].split("\n\n"):
            L += [p, ""]
    e = t["eligibility"]
    L += ["Recruitment & Eligibility", "", "Status", t["status"]]
    if e["sex"]:
        L += ["Sex", words(e["sex"]).title()]
    if t["enrollment"] is not None:
        L += ["Target Recruitment", str(t["enrollment"])]
    if e["min_age"]:
        L += ["Minimum Age", e["min_age"]]
    if e["max_age"]:
        L += ["Maximum Age", e["max_age"]]
    for head, cs in [("Inclusion Criteria", e["inclusion"]), ("Exclusion Criteria", e["exclusion"])]:
        if cs:
            L.append(head)
            L += ["  • " + x for x in flatten(cs)]
    d = t["design"]
    L += ["", "Study & Design", "", "Study Type", t["study_type"]]
    if d["intervention_model"] or d["observational_model"]:
        L += ["Study Design", d["intervention_model"] or d["observational_model"]]
    if d["masking"]:
        L += ["Masking", d["masking"]]
    if d["primary_purpose"]:
        L += ["Primary Purpose", d["primary_purpose"]]
    if t["arms"]:
        L += ["Arm && Interventions", "GroupInterventionDescription"]
        for n in sorted({n for a in t["arms"] for n in a["interventions"]}, key=lambda n: [i["name"] for i in t["interventions"]].index(n) if n in [i["name"] for i in t["interventions"]] else 99):
            for a in t["arms"]:
                if n in a["interventions"]:
                    L.append(a["label"] + n + a["description"].replace("\n", " "))
        for a in t["arms"]:
            if not a["interventions"]:
                L.append(a["label"] + a["description"].replace("\n", " "))
    for head, os_ in [("Primary Outcome Measures", t["outcomes"]["primary"]), ("Secondary Outcome Measures", t["outcomes"]["secondary"]), ("Other Outcome Measures", t["outcomes"]["other"])]:
        if os_:
            L += [head, "NameTimeMethod"]
            for o in os_:
                L += [o["measure"] + o["time_frame"], ""]
                if o["description"]:
                    L += [o["description"].replace("\n\n", "\n"), ""]
    if t["locations"]:
        L += ["Trial Locations", ""]
        for l in t["locations"][:30]:
            L += [l["facility"], ", ".join(x for x in [l["city"], l["state"], l["country"]] if x)]
        L.append("")
    L += ["© Copyright 2025. All Rights Reserved by MedPath"]
    text = "\n".join(L) + "\n"
    exp = {"nct_id": t["nct_id"], "title": t["title"], "status": t["status"], "phases": t["phases"], "conditions": t["conditions"],
           "study_type": t["study_type"], "enrollment": t["enrollment"],
           "lead_sponsor": {"name": t["lead_sponsor"]["name"], "class": ""},
           "collaborators": [{"name": c["name"], "class": ""} for c in t["collaborators"]],
           "brief_summary": t["brief_summary"], "detailed_description": t["detailed_description"]}
    exp["interventions"] = [{"name": i["name"], "type": i["type"]} for i in t["interventions"]]
    # The table's rows go intervention by intervention: arms in the order
    # their first row comes.
    order = []
    for line in L[L.index("GroupInterventionDescription") + 1:] if "GroupInterventionDescription" in L else []:
        for a in t["arms"]:
            if line.startswith(a["label"]) and a["label"] not in order:
                order.append(a["label"])
                break
    arms = sorted(t["arms"], key=lambda a: order.index(a["label"]) if a["label"] in order else 999)
    exp["arms"] = [{"label": a["label"], "type": "", "description": a["description"].replace("\n", " "), "interventions": a["interventions"]} for a in arms]
    exp["outcomes"] = {k: [{"measure": o["measure"], "time_frame": o["time_frame"], "description": o["description"].replace("\n\n", "\n")} for o in v] for k, v in t["outcomes"].items()}
    exp["eligibility"] = {"sex": e["sex"], "min_age": e["min_age"], "max_age": e["max_age"],
                          # The page prints every criterion as one bullet list: checked as that list.
                          "inclusion_flat": flatten(e["inclusion"]), "exclusion_flat": flatten(e["exclusion"])}
    exp["locations"] = [{"facility": l["facility"], "city": l["city"], "state": l["state"], "country": l["country"]} for l in t["locations"][:30]]
    return text, exp


RENDER = {"mirror-labelled": lambda t: mirror(t, True), "mirror-bare": lambda t: mirror(t, False),
          "ctgov-classic": classic, "clinconnect": clinconnect, "medpath": medpath}


def main():
    truth = {t["id"]: t for t in json.load(open(sys.argv[1]))}
    out = sys.argv[2]
    for spec in sys.argv[3:]:
        layout, nct = spec.split(":")
        text, exp = RENDER[layout](truth[nct])
        os.makedirs(os.path.join(out, layout), exist_ok=True)
        open(os.path.join(out, layout, nct + ".txt"), "w").write(text)
        open(os.path.join(out, layout, nct + ".json"), "w").write(json.dumps(exp, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
