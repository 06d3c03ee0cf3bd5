/* agenda_item.c: one dated thing of a person's (struct agenda_item), and
 * each kind of meeting as one: the same in the agenda, the feeds and the
 * invitations (its time, place, words, UID and SEQUENCE, and whether it is
 * cancelled); and an item as an iCalendar event. Below agenda.c,
 * calendar.c and invitation.c, which all show them. */
#include "app/agenda_item.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* An item on date ("YYYY-MM-DD", or "YYYY-MM-DD HH:MM" with its time); an
 * empty date is in no range. */
void agenda_item_on(struct ctx *c, struct agenda_item *it, const char *date, int minutes)
{
    memset(it, 0, sizeof *it);
    snprintf(it->date, sizeof it->date, "%.10s", date ? date : "");
    it->time = date && strlen(date) >= 16 ? arena_printf(c->a, "%.5s", date + 11) : "";
    it->minutes = minutes;
}

void agenda_item_of_case(struct agenda_item *it, struct ctx *c, const struct case_record *k,
                         const char *path)
{
    it->case_id = k->id;
    it->teacher_name = k->teacher_name;
    it->link = arena_printf(c->a, "/cases/%" PRId64 "%s", k->id, path);
    it->updated_at = k->updated_at;
    it->organizer_name = *k->ct_name ? k->ct_name : NULL;
    it->organizer_email = *k->ct_email ? k->ct_email : NULL;
}

void agenda_initial_meeting(struct ctx *c, const struct case_record *k, struct agenda_item *it)
{
    agenda_item_on(c, it, k->meeting_at, 60);
    agenda_item_of_case(it, c, k, "");
    it->what = arena_printf(c->a, "Initial meeting: %s", k->teacher_name);
    it->place = k->meeting_place;
    it->description = arena_printf(c->a,
                                   "The initial meeting of %s with their Consulting "
                                   "Teacher, %s.",
                                   k->teacher_name, *k->ct_name ? k->ct_name : "not assigned");
    it->uid = arena_printf(c->a, "case-%" PRId64 "-initial@parley", k->id);
    it->sequence = k->meeting_sequence;
    it->cancelled = k->meeting_cancelled;
}

void agenda_agreement_review(struct ctx *c, const struct case_record *k, struct agenda_item *it)
{
    agenda_item_on(c, it, k->review_at, 60);
    agenda_item_of_case(it, c, k, "/agreement");
    it->what = arena_printf(c->a, "PAR Agreement review: %s", k->teacher_name);
    it->place = k->review_place;
    bool rep = *k->union_rep_name;
    it->description = arena_printf(c->a, "%s reviews the PAR Agreement with %s%s.", k->teacher_name,
                                   rep ? k->union_rep_name : "a union representative",
                                   rep ? ", union representative" : "");
    it->uid = arena_printf(c->a, "case-%" PRId64 "-review@parley", k->id);
    it->sequence = k->review_sequence;
    it->cancelled = k->review_cancelled;
}

void agenda_parley_meeting(struct ctx *c, const struct case_record *k, const struct meeting *m,
                           struct agenda_item *it)
{
    agenda_item_on(c, it, m->starts_at, m->minutes);
    agenda_item_of_case(it, c, k, "/meetings");
    it->what =
        arena_printf(c->a, "%s: %s (%s)", k->track == TRACK_PAR ? "Parley meeting" : "Meeting",
                     k->teacher_name, meeting_phase_label(m->phase));
    it->place = m->place;
    it->description = arena_printf(
        c->a, "%s for the case of %s, with %s. Consulting Teacher: %s. %s.",
        meeting_phase_label(m->phase), k->teacher_name,
        k->track == TRACK_PAR ? "the teacher, the Consulting Teacher and the administrator"
                              : "the teacher and the Consulting Teacher",
        *k->ct_name ? k->ct_name : "not assigned", meeting_status_label(m->status));
    it->uid = m->uid;
    it->sequence = m->sequence;
    it->updated_at = m->updated_at;
    it->cancelled = m->status == MEETING_CANCELLED;
}

void agenda_panel_session(struct ctx *c, const struct panel_session *s, struct agenda_item *it)
{
    agenda_item_on(c, it, s->held_on, 120);
    it->time = s->starts_at;
    it->what = arena_printf(c->a, "Panel session: %d %s on the docket", s->ncases,
                            s->ncases == 1 ? "case" : "cases");
    it->place = s->place;
    it->link = arena_printf(c->a, "/panel/sessions/%" PRId64, s->id);
    it->uid = arena_printf(c->a, "panel-session-%" PRId64 "@parley", s->id);
    it->organizer_name = *s->arranged_by_name ? s->arranged_by_name : NULL;
    it->organizer_email = *s->arranged_by_email ? s->arranged_by_email : NULL;
    it->sequence = s->sequence;
    it->updated_at = s->updated_at;
}

/* --- as iCalendar --- */

bool calendar_event(struct ctx *c, const struct agenda_item *it, struct ical_event *out)
{
    bool all_day = !*it->time;
    int64_t start;
    if (!ical_local_time(arena_printf(c->a, "%s %s", it->date, all_day ? "00:00" : it->time),
                         &start))
        return false;
    *out = (struct ical_event){.uid = it->uid,
                               .start = start,
                               .end = start + (all_day ? 86400 : (int64_t)it->minutes * 60),
                               .all_day = all_day,
                               .date = it->date,
                               .stamp = app_now(c),
                               .sequence = it->sequence,
                               .summary = it->what,
                               .location = it->place,
                               .description = it->description ? it->description : it->teacher_name,
                               .organizer = {it->organizer_name, it->organizer_email},
                               .cancelled = it->cancelled};
    return true;
}
