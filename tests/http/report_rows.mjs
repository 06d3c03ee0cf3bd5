// report_rows.mjs: outcomes and survey answers put straight into the
// database for the Track Record's tests (R39), so that a test can make
// groups of the sizes it needs; the outcome and survey forms are another
// part's, tested there.
import { sql, personId, DEMO } from './records.mjs';

function run(db, statement) {
    const r = sql(db, statement);
    if (r.code !== 0) throw new Error(`SQL failed: ${r.err}`);
}

let serial = 0;

// size closed cases of the district's track in a school year (2024: 2024-25),
// the first `proficient` rated Proficient after, the first `stayedYes` stayed.
export function outcomes(db, year, track, proficient, stayedYes, size) {
    const teacher = personId(db, DEMO.participating_teacher);
    for (let i = 0; i < size; i++) {
        const ref = `INQ-R39-${process.pid}-${++serial}`;
        const after = i < proficient ? 'proficient' : 'needs_improvement', stayed = i < stayedYes ? 'yes' : 'no';
        run(db, `INSERT INTO inquiry (program_id, reference, name, email, interest, status, created_at, updated_at)
                 VALUES (1, '${ref}', 'R39 teacher', 'r39@example.test', '${track}', 'closed', 0, 0);
                 INSERT INTO teacher_case (program_id, inquiry_id, teacher_id, state, track, created_at, updated_at)
                 VALUES (1, (SELECT id FROM inquiry WHERE reference = '${ref}'), ${teacher}, 'cycle_closed', '${track}', 0, 0);
                 INSERT INTO case_outcome (case_id, rating_before, rating_after, stayed, school_year, recorded_at)
                 VALUES ((SELECT MAX(id) FROM teacher_case), 'needs_improvement', '${after}', '${stayed}', ${year}, 0);`);
    }
}

// Survey answers of the district, [fair, transparent, humane] each (1-5).
export function answers(db, year, track, party, rows) {
    for (const [fair, transparent, humane] of rows)
        run(db, `INSERT INTO survey_response (program_id, school_year, track, party, fair, transparent, humane)
                 VALUES (1, ${year}, '${track}', '${party}', ${fair}, ${transparent}, ${humane});`);
}

export function setSetting(db, key, value) {
    run(db, value === null ? `DELETE FROM program_setting WHERE program_id = 1 AND key = '${key}';`
                           : `INSERT INTO program_setting (program_id, key, value) VALUES (1, '${key}', '${value}')
                              ON CONFLICT (program_id, key) DO UPDATE SET value = '${value}';`);
}

export { run };
