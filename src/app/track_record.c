/* track_record.c: outcomes and survey answers by school year and track,
 * summed in SQL from their tallies (sql/024: kept as they are written, so
 * a view reads a row per group, not ten years of history), then passed
 * through R39's small-group rule. */
#include "app/track_record.h"

#include <string.h>

#include "domain/rating.h"

static const char *const column_keys[TR_COLUMNS] = {"pa", "par", "all"};
static const char *const column_labels[TR_COLUMNS] = {"PA", "PAR", "PA and PAR"};
static const char *const item_keys[SURVEY_ITEMS] = {"fair", "transparent", "humane"};
static const char *const item_labels[SURVEY_ITEMS] = {
    "The process was fair", "The process was transparent", "The process was humane"};

const char *tr_column_key(int col) { return col >= 0 && col < TR_COLUMNS ? column_keys[col] : ""; }
const char *tr_column_label(int col) { return col >= 0 && col < TR_COLUMNS ? column_labels[col] : ""; }
const char *survey_item_key(int i) { return i >= 0 && i < SURVEY_ITEMS ? item_keys[i] : ""; }
const char *survey_item_label(int i) { return i >= 0 && i < SURVEY_ITEMS ? item_labels[i] : ""; }

static int column_of(const char *track)
{
    return strcmp(track, "pa") == 0 ? TR_PA : strcmp(track, "par") == 0 ? TR_PAR : -1;
}

/* R39 on a row of shares: the rule decides; a hidden share keeps nothing. */
static void shares_settle(struct share *s, int min)
{
    int n[TR_ALL] = {s[TR_PA].n, s[TR_PAR].n};
    s[TR_ALL].n = n[TR_PA] + n[TR_PAR];
    s[TR_ALL].num = s[TR_PA].num + s[TR_PAR].num;
    enum cell_shown shown[TR_COLUMNS];
    small_group_row(n, TR_ALL, min, shown);
    for (int i = 0; i < TR_COLUMNS; i++) {
        s[i].shown = shown[i];
        if (shown[i] != CELL_SHOWN)
            s[i].n = s[i].num = 0;
        s[i].percent = share_percent(s[i].num, s[i].n);
    }
}

static struct outcome_year *outcome_year_of(struct ctx *c, struct track_record *t, int year,
                                            int *cap)
{
    if (t->noutcomes && t->outcomes[t->noutcomes - 1].year == year)
        return &t->outcomes[t->noutcomes - 1];
    t->outcomes = arena_grow(c->a, t->outcomes, t->noutcomes, cap, sizeof *t->outcomes);
    t->outcomes[t->noutcomes].year = year;
    return &t->outcomes[t->noutcomes++];
}

static enum app_status outcomes_read(struct ctx *c, struct track_record *t)
{
    db_stmt *st = db_query(
        c->db,
        "SELECT school_year, track, SUM(outcomes), "
        "SUM(CASE WHEN rating_after IN (?, ?) THEN outcomes ELSE 0 END), "
        "SUM(CASE WHEN stayed IN ('yes', 'no') THEN outcomes ELSE 0 END), "
        "SUM(CASE WHEN stayed = 'yes' THEN outcomes ELSE 0 END) "
        "FROM outcome_tally WHERE program_id = ? AND track IN ('pa', 'par') "
        "GROUP BY school_year, track HAVING SUM(outcomes) > 0 ORDER BY school_year DESC",
        "ssi", rating_key(RATING_PROFICIENT), rating_key(RATING_EXEMPLARY), c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0, rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int col = column_of(db_text(st, 1));
        struct outcome_year *y = outcome_year_of(c, t, (int)db_int(st, 0), &cap);
        y->proficient[col] = (struct share){.n = (int)db_int(st, 2), .num = (int)db_int(st, 3)};
        y->stayed[col] = (struct share){.n = (int)db_int(st, 4), .num = (int)db_int(st, 5)};
    }
    db_done(st);
    for (int i = 0; i < t->noutcomes; i++) {
        shares_settle(t->outcomes[i].proficient, t->small_group_min);
        shares_settle(t->outcomes[i].stayed, t->small_group_min);
    }
    return rc == DB_DONE ? APP_OK : APP_ERROR;
}

/* Sums of answers and of agreement, kept until the rule has spoken. */
struct survey_sums {
    long long sum[SURVEY_ITEMS], agree[SURVEY_ITEMS];
};

static void survey_settle(struct survey_year *y, struct survey_sums *sums, int min)
{
    int n[TR_ALL] = {y->cell[TR_PA].n, y->cell[TR_PAR].n};
    y->cell[TR_ALL].n = n[TR_PA] + n[TR_PAR];
    for (int i = 0; i < SURVEY_ITEMS; i++) {
        sums[TR_ALL].sum[i] = sums[TR_PA].sum[i] + sums[TR_PAR].sum[i];
        sums[TR_ALL].agree[i] = sums[TR_PA].agree[i] + sums[TR_PAR].agree[i];
    }
    enum cell_shown shown[TR_COLUMNS];
    small_group_row(n, TR_ALL, min, shown);
    for (int col = 0; col < TR_COLUMNS; col++) {
        struct survey_cell *cell = &y->cell[col];
        cell->shown = shown[col];
        if (shown[col] != CELL_SHOWN) {
            cell->n = 0;
            continue;
        }
        for (int i = 0; i < SURVEY_ITEMS; i++) {
            cell->mean[i] = (double)sums[col].sum[i] / cell->n;
            cell->agree[i] = share_percent((int)sums[col].agree[i], cell->n);
        }
    }
}

static enum app_status surveys_read(struct ctx *c, struct track_record *t)
{
    db_stmt *st = db_query(
        c->db,
        "SELECT school_year, party, track, SUM(responses), SUM(fair * responses), "
        "SUM(transparent * responses), SUM(humane * responses), "
        "SUM(CASE WHEN fair >= 4 THEN responses ELSE 0 END), "
        "SUM(CASE WHEN transparent >= 4 THEN responses ELSE 0 END), "
        "SUM(CASE WHEN humane >= 4 THEN responses ELSE 0 END) "
        "FROM survey_tally WHERE program_id = ? AND track IN ('pa', 'par') "
        "AND party IN ('teacher', 'administrator') "
        "GROUP BY school_year, party, track ORDER BY school_year DESC, party DESC",
        "i", c->who.program_id);
    if (!st)
        return APP_ERROR;
    int cap = 0, sums_cap = 0, rc;
    struct survey_sums(*sums)[TR_COLUMNS] = NULL;
    while ((rc = db_step(st)) == DB_ROW) {
        int year = (int)db_int(st, 0), col = column_of(db_text(st, 2));
        struct survey_year *y = t->nsurveys ? &t->surveys[t->nsurveys - 1] : NULL;
        if (!y || y->year != year || strcmp(y->party, db_text(st, 1)) != 0) {
            t->surveys = arena_grow(c->a, t->surveys, t->nsurveys, &cap, sizeof *t->surveys);
            sums = arena_grow(c->a, sums, t->nsurveys, &sums_cap, sizeof *sums);
            y = &t->surveys[t->nsurveys++];
            y->year = year;
            y->party = db_text_copy(st, 1, c->a);
        }
        struct survey_sums *s = &sums[t->nsurveys - 1][col];
        y->cell[col].n = (int)db_int(st, 3);
        for (int i = 0; i < SURVEY_ITEMS; i++) {
            s->sum[i] = db_int(st, 4 + i);
            s->agree[i] = db_int(st, 7 + i);
        }
    }
    db_done(st);
    for (int i = 0; i < t->nsurveys; i++)
        survey_settle(&t->surveys[i], sums[i], t->small_group_min);
    return rc == DB_DONE ? APP_OK : APP_ERROR;
}

enum app_status track_record_read(struct ctx *c, struct track_record *out)
{
    memset(out, 0, sizeof *out);
    out->small_group_min = program_setting_int(c, "small_group_min");
    enum app_status s = outcomes_read(c, out);
    return s == APP_OK ? surveys_read(c, out) : s;
}
