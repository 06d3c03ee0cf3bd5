#include "domain/rubric.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct rubric_seed_indicator standard_i[] = {
    {"I-A", "Curriculum and Planning",
     "Knows the subject matter well, has a good grasp of child development and how students "
     "learn, and designs effective and rigorous standards-based units and lessons."},
    {"I-B", "Assessment",
     "Uses a variety of informal and formal methods of assessment to measure student learning, "
     "growth and understanding."},
    {"I-C", "Analysis",
     "Analyzes data from assessments, draws conclusions and shares them appropriately."},
};
static const struct rubric_seed_indicator standard_ii[] = {
    {"II-A", "Instruction",
     "Uses instructional practices that reflect high expectations regarding content and quality "
     "of effort and work, engage all students, and are personalized to accommodate diverse "
     "learning styles, needs, interests and levels of readiness."},
    {"II-B", "Learning Environment",
     "Creates and maintains a safe and collaborative learning environment that values diversity "
     "and motivates students to take academic risks."},
    {"II-C", "Cultural Proficiency",
     "Actively creates and maintains an environment in which students' diverse backgrounds, "
     "identities, strengths and challenges are respected."},
    {"II-D", "Expectations",
     "Plans and implements lessons that set clear and high expectations and make knowledge "
     "accessible for all students."},
};
static const struct rubric_seed_indicator standard_iii[] = {
    {"III-A", "Engagement",
     "Welcomes and encourages every family to become active participants in the classroom and "
     "school community."},
    {"III-B", "Collaboration",
     "Collaborates with families to create and implement strategies for supporting student "
     "learning and development at home and at school."},
    {"III-C", "Communication",
     "Engages in regular, two-way and culturally proficient communication with families about "
     "student learning and performance."},
};
static const struct rubric_seed_indicator standard_iv[] = {
    {"IV-A", "Reflection",
     "Demonstrates the capacity to reflect on and improve the educator's own practice, using "
     "informal means as well as meetings with teams and work groups."},
    {"IV-B", "Professional Growth",
     "Actively pursues professional development and learning opportunities to improve quality "
     "of practice or build the expertise and experience to assume different instructional and "
     "leadership roles."},
    {"IV-C", "Collaboration",
     "Collaborates effectively with colleagues on a wide range of tasks."},
    {"IV-D", "Decision-Making",
     "Becomes involved in schoolwide decision-making, and takes an active role in school "
     "improvement planning."},
    {"IV-E", "Shared Responsibility",
     "Shares responsibility for the performance of all students within the school."},
    {"IV-F", "Professional Responsibilities",
     "Is ethical and reliable, and meets routine responsibilities consistently."},
};

const struct rubric_seed_standard rubric_seed[] = {
    {"I", "Curriculum, Planning, and Assessment", standard_i, N(standard_i)},
    {"II", "Teaching All Students", standard_ii, N(standard_ii)},
    {"III", "Family and Community Engagement", standard_iii, N(standard_iii)},
    {"IV", "Professional Culture", standard_iv, N(standard_iv)},
};
const int rubric_seed_count = N(rubric_seed);
