/* track_record.h: the Track Record (public) and the program's reports for
 * the coordinator and the Panel (R39): outcomes and survey answers by
 * school year and track, and the program's work. Every figure comes with
 * the small-group rule already applied (domain/track_record.h): a hidden
 * figure's numbers are zeroed here, so no page, CSV or API answer built
 * from these structs can print them. All read from the asker's program. */
#ifndef PARLEY_APP_TRACK_RECORD_H
#define PARLEY_APP_TRACK_RECORD_H
#include "app/app.h"
#include "domain/track_record.h"

/* The columns of a year's row: PA, PAR and both together. */
enum { TR_PA, TR_PAR, TR_ALL, TR_COLUMNS };
const char *tr_column_key(int col);     /* "pa", "par", "all" */
const char *tr_column_label(int col);   /* "PA", "PAR", "PA and PAR" */

/* A share of a group: num of n, in whole per cent. */
struct share {
    int n, num, percent;
    enum cell_shown shown;   /* not CELL_SHOWN: n, num and percent are 0 */
};

struct outcome_year {
    int year;                              /* 2026 for 2026-27 */
    struct share proficient[TR_COLUMNS];   /* rating after Proficient or Exemplary, of outcomes */
    struct share stayed[TR_COLUMNS];       /* stayed 'yes', of outcomes answered yes or no */
};

enum { SURVEY_FAIR, SURVEY_TRANSPARENT, SURVEY_HUMANE, SURVEY_ITEMS };
const char *survey_item_key(int item);     /* "fair" */
const char *survey_item_label(int item);   /* "The process was fair" */

struct survey_cell {
    int n;                       /* answers */
    enum cell_shown shown;       /* not CELL_SHOWN: everything below is 0 */
    double mean[SURVEY_ITEMS];   /* 1 (strongly disagree) to 5 (strongly agree) */
    int agree[SURVEY_ITEMS];     /* per cent answering 4 or 5 */
};
struct survey_year {
    int year;
    const char *party;           /* teacher | administrator */
    struct survey_cell cell[TR_COLUMNS];
};

struct track_record {
    int small_group_min;
    struct outcome_year *outcomes;    /* newest year first */
    int noutcomes;
    struct survey_year *surveys;      /* newest year first, teachers before administrators */
    int nsurveys;
};

/* R39: what may be published; anyone may read it (the public page). */
enum app_status track_record_read(struct ctx *c, struct track_record *out);

/* --- the program's work (work_report.c): the coordinator's and the Panel's --- */

struct caseload_year {           /* one Consulting Teacher in one school year */
    int year;
    int64_t ct_id;
    const char *ct_name;
    int cases, load;             /* load: weighted as R30 weighs (caseload.h) */
};
struct casework_cell {           /* mean visits and observations per case */
    int n;                       /* cases */
    enum cell_shown shown;
    double visits, observations;
};
struct casework_year {
    int year;
    struct casework_cell cell[TR_COLUMNS];
};
struct meetings_year {           /* R17: parley meetings held inside their window */
    int year;
    int cases;                   /* the group the rule counts */
    struct share on_time;        /* of meetings held */
};
struct feedback_year {           /* R19: days from an observation to its shared feedback */
    int year;
    int cases;
    enum cell_shown shown;
    int observations, median_days;
    struct share within;         /* shared within feedback_days */
};

struct work_report {
    int small_group_min, feedback_days, cap;
    struct caseload_year *caseload;   /* newest year first, then by name */
    int ncaseload;
    struct casework_year *casework;
    int ncasework;
    struct meetings_year *meetings;
    int nmeetings;
    struct feedback_year *feedback;
    int nfeedback;
};

/* R39: the coordinator's, and a Panel member's while their term runs (R29;
 * policy: KIND_PROGRAM_REPORT). */
enum app_status work_report_allowed(struct ctx *c);

/* The reports read, as a mask: one report's CSV reads only its own (on a
 * district of 34,000 cases each costs 15-60 ms, issue 19). */
enum work_part {
    WORK_CASELOAD = 1,
    WORK_CASEWORK = 2,
    WORK_MEETINGS = 4,
    WORK_FEEDBACK = 8,
    WORK_ALL = 15,
};
/* The parts not asked for are left empty. */
enum app_status work_report_read(struct ctx *c, unsigned parts, struct work_report *out);

#endif
