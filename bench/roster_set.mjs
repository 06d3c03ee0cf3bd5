// roster_set.mjs: a district's roster as OneRoster 1.1 CSV (orgs.csv,
// users.csv), made up and the same every time: `make bench` imports it,
// and tests/http/roster.test.mjs makes its own with oneRosterSet().
//
//   node bench/roster_set.mjs DIR [PEOPLE]    writes DIR/orgs.csv, DIR/users.csv
//
// PEOPLE staff (10,000 by default) in one district of 60 schools: each
// school's administrator, an aide in twenty, the rest teachers; and as many
// students again as one in ten of the staff, whom an import leaves out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GIVEN = ['Aisha', 'Samuel', 'Maria', 'Kevin', 'Grace', 'Omar', 'Lena', 'Tom', 'Nadia', 'Paul',
               'Rosa', 'Ivan', 'Mei', 'Jonas', 'Amara', 'Luis'];
const FAMILY = ['Bello', 'Reyes', 'Tran', 'Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Silva',
                'Kowalski', 'Nguyen', 'Duarte', 'Fischer'];

export const USERS_HEADER = 'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,' +
    'userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password';
export const ORGS_HEADER = 'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId';

// One users.csv row; fields as OneRoster 1.1 orders them.
export function userRow({ id, enabled = 'true', orgs, role, given, family, identifier = '', email }) {
    const q = v => /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    return [id, '', '', enabled, q(orgs), role, email.split('@')[0], '', q(given), q(family), '',
            identifier, email, '', '', '', '', ''].join(',');
}

export function oneRosterSet({ people = 10000, schools = 60, domain = 'district.example' } = {}) {
    const orgs = [ORGS_HEADER, 'd1,,,The District,district,DIST,'];
    for (let s = 1; s <= schools; s++) {
        const n = String(s).padStart(3, '0');
        orgs.push(`s${n},,,School ${n},school,SCH${n},d1`);
    }
    const users = [USERS_HEADER];
    for (let i = 1; i <= people; i++) {
        const school = `s${String((i - 1) % schools + 1).padStart(3, '0')}`;
        const role = i <= schools ? 'administrator' : i % 20 === 0 ? 'aide' : 'teacher';
        const given = GIVEN[i % GIVEN.length], family = FAMILY[(i * 7) % FAMILY.length];
        users.push(userRow({ id: `u${i}`, orgs: role === 'administrator' ? school : `d1,${school}`,
                             role, given, family, identifier: `E${100000 + i}`,
                             email: `${given}.${family}.${i}@${domain}`.toLowerCase() }));
        if (i % 10 === 0)
            users.push(userRow({ id: `st${i}`, orgs: school, role: 'student', given, family: 'Student',
                                 email: '' }));
    }
    return { orgs: orgs.join('\r\n') + '\r\n', users: users.join('\r\n') + '\r\n' };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const [dir, people] = process.argv.slice(2);
    if (!dir) {
        console.error('usage: node bench/roster_set.mjs DIR [PEOPLE]');
        process.exit(2);
    }
    const set = oneRosterSet({ people: Number(people || 10000) });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'orgs.csv'), set.orgs);
    writeFileSync(join(dir, 'users.csv'), set.users);
}
