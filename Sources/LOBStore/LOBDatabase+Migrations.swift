import Foundation
import GRDB
import LOBCore

extension LOBDatabase {
    /// Named migrations, in order. A shipped migration is never edited: a change is a new migration.
    /// They use literal table and column names, never app types.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1: scans and answers") { db in
            try db.create(table: "scan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("teacher", .text).notNull()
                t.column("team", .text)
                t.column("profileId", .text).notNull()
                // The profile as it was when the scan was stored (JSON), so old reports stay as they were.
                t.column("profileSnapshot", .text).notNull()
                t.column("date", .text).notNull()
                    .check(sql: "date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")
                t.column("consent", .text).notNull().check(sql: "consent IN ('prive', 'anoniem', 'metNaam')")
                t.column("portraitPosition", .integer).check(sql: "portraitPosition BETWEEN 0 AND 10")
                t.column("chosenPreference", .text)
                t.column("suggestedPreference", .text)
            }
            try db.create(table: "answer") { t in
                t.belongsTo("scan", onDelete: .cascade).notNull()
                t.column("behaviourId", .text).notNull()
                t.column("competencyId", .integer).notNull().check(sql: "competencyId BETWEEN 1 AND 7")
                t.column("position", .integer).notNull()
                // The bounds of Scale.standard; NULL is "niet beantwoord".
                t.column("score", .integer).check(sql: "score BETWEEN 1 AND 4")
                t.column("note", .text)
                t.primaryKey(["scanId", "behaviourId"])
            }
            try db.create(table: "preferenceAnswer") { t in
                t.belongsTo("scan", onDelete: .cascade).notNull()
                t.column("statementId", .text).notNull()
                t.column("level", .integer).notNull().check(sql: "level BETWEEN 1 AND 4")
                t.primaryKey(["scanId", "statementId"])
            }
        }
        // A scan made in the terminal UI is stored answer by answer and is unfinished until its summary is shown;
        // scans stored before this migration were complete.
        migrator.registerMigration("v2: unfinished scans") { db in
            try db.alter(table: "scan") { t in
                t.add(column: "finished", .boolean).notNull().defaults(to: true)
            }
        }
        // The teamvoorzitter's copy of his team's shared scans: scores only (never notes), per round, with history.
        // A teacher is known by a pseudonym (`teacherKey`); his name is kept only when he consented by name.
        migrator.registerMigration("v3: teams") { db in
            try db.create(table: "team") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("privacyThreshold", .integer).notNull().defaults(to: 3).check(sql: "privacyThreshold >= 3")
            }
            try db.create(table: "teamRound") { t in
                t.autoIncrementedPrimaryKey("id")
                // Indexed by the unique key below, which starts with it.
                t.column("teamId", .integer).notNull().references("team", onDelete: .cascade)
                t.column("label", .text).notNull()
                // The latest scan date in the round: rounds are ordered by it.
                t.column("lastDate", .text).notNull()
                t.uniqueKey(["teamId", "label"])
            }
            // Profiles as they were when the scans were made, stored once each.
            try db.create(table: "teamProfile") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("hash", .text).notNull().unique()
                t.column("profileId", .text).notNull()
                t.column("snapshot", .text).notNull()
            }
            try db.create(table: "teamScan") { t in
                t.autoIncrementedPrimaryKey("id")
                // No index of its own: teamScan_current below starts with teamRoundId.
                t.column("teamRoundId", .integer).notNull().references("teamRound", onDelete: .cascade)
                t.column("teacherKey", .text).notNull()
                t.column("teacher", .text)
                t.column("teamProfileId", .integer).notNull().references("teamProfile")
                t.column("date", .text).notNull()
                    .check(sql: "date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")
                t.column("consent", .text).notNull().check(sql: "consent IN ('anoniem', 'metNaam')")
                t.column("learningPreference", .text)
                t.column("fingerprint", .text).notNull()
                // The teacher's scan that counts in this round; earlier ones are history.
                t.column("current", .boolean).notNull()
                t.check(sql: "consent = 'metNaam' OR teacher IS NULL")
                t.uniqueKey(["teamRoundId", "fingerprint"])
            }
            try db.create(index: "teamScan_current", on: "teamScan", columns: ["teamRoundId", "current", "teacherKey"])
            // Clustered by scan (WITHOUT ROWID, primary key first on teamScanId): a scan's scores sit together, and
            // the primary key is the only index.
            try db.create(table: "teamScore", options: [.withoutRowID]) { t in
                t.column("teamScanId", .integer).notNull().references("teamScan", onDelete: .cascade)
                t.column("behaviourId", .text).notNull()
                t.column("competencyId", .integer).notNull()
                t.column("score", .integer).notNull().check(sql: "score BETWEEN 1 AND 4")
                t.column("target", .integer).notNull()
                t.column("weight", .double).notNull()
                t.primaryKey(["teamScanId", "behaviourId"])
            }
        }
        // The school's own scan of its LOB stage, one per school and school year (seed 002 ch. 1).
        migrator.registerMigration("v4: school scans") { db in
            try db.create(table: "schoolScan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("school", .text).notNull()
                t.column("schoolYear", .text).notNull().check(
                    sql: "schoolYear GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'")
                t.column("date", .text).notNull()
                t.uniqueKey(["school", "schoolYear"])
            }
            try db.create(table: "schoolScanAnswer", options: [.withoutRowID]) { t in
                t.column("schoolScanId", .integer).notNull().references("schoolScan", onDelete: .cascade)
                t.column("aspectId", .integer).notNull().check(sql: "aspectId BETWEEN 1 AND 12")
                t.column("current", .text).notNull().check(sql: "current IN ('model1', 'model2', 'model3')")
                t.column("wished", .text).check(sql: "wished IN ('model1', 'model2', 'model3')")
                t.primaryKey(["schoolScanId", "aspectId"])
            }
        }
        // One privacy rule (docs/team.md): one person is one member, the newest scan decides the consent, and what
        // each moment of a round released is kept so that later moments are checked against it.
        migrator.registerMigration("v5: privacy rule") { db in
            try db.create(table: "teamRelease") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("teamRoundId", .integer).notNull().indexed().references("teamRound", onDelete: .cascade)
                t.column("release", .text).notNull()
            }
            // A newer private scan withdrew a teacher: only his pseudonym and the date, so that an older scan of his
            // imported later is not stored.
            try db.create(table: "teamWithdrawal", options: [.withoutRowID]) { t in
                t.column("teamId", .integer).notNull().references("team", onDelete: .cascade)
                t.column("teacherKey", .text).notNull()
                t.column("date", .text).notNull()
                t.primaryKey(["teamId", "teacherKey"])
            }
            // Pseudonyms from the normalised name (NFC, white space folded, case ignored). Only named scans have a name
            // to recompute it from; for ordinary names the key is the same as before.
            let named = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, t.name AS team, s.teacher FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId
                    JOIN team t ON t.id = r.teamId WHERE s.teacher IS NOT NULL
                    """)
            for row in named {
                try db.execute(
                    sql: "UPDATE teamScan SET teacherKey = ? WHERE id = ?",
                    arguments: [PrivacyRule.pseudonym(team: row["team"], teacher: row["teacher"]), row["id"] as Int64])
            }
            // Names that were one person: only his newest scan in a round stays current.
            try db.execute(
                sql: """
                    UPDATE teamScan SET current = 0 WHERE current AND EXISTS (
                      SELECT 1 FROM teamScan o WHERE o.teamRoundId = teamScan.teamRoundId AND o.teacherKey = teamScan.teacherKey
                      AND o.current AND (o.date > teamScan.date OR (o.date = teamScan.date AND o.id > teamScan.id)))
                    """)
            // The newest scan decides: who shared anonymously last keeps no name anywhere in the team.
            try db.execute(
                sql: """
                    WITH scans AS (SELECT s.id, s.teacherKey, s.consent, s.date, r.teamId FROM teamScan s JOIN teamRound r ON r.id = s.teamRoundId),
                    newest AS (SELECT teamId, teacherKey, consent FROM scans a WHERE NOT EXISTS (
                      SELECT 1 FROM scans b WHERE b.teamId = a.teamId AND b.teacherKey = a.teacherKey
                      AND (b.date > a.date OR (b.date = a.date AND b.id > a.id))))
                    UPDATE teamScan SET teacher = NULL, consent = 'anoniem' WHERE id IN (
                      SELECT scans.id FROM scans JOIN newest USING (teamId, teacherKey) WHERE newest.consent = 'anoniem')
                    """)
            // The first release of every round, by the rule (there are no earlier ones yet). Written out here, not
            // through the store's live code, so that this migration stays what it was.
            let rounds = try Row.fetchAll(
                db, sql: "SELECT r.id, t.privacyThreshold FROM teamRound r JOIN team t ON t.id = r.teamId ORDER BY r.id"
            )
            for round in rounds {
                var anonymous: [String: Set<String>] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.fingerprint, c.behaviourId, c.competencyId FROM teamScan s
                        JOIN teamScore c ON c.teamScanId = s.id WHERE s.teamRoundId = ? AND s.current AND s.consent = 'anoniem'
                        """, arguments: [round[0] as Int64])
                {
                    anonymous[row[0], default: []].formUnion([
                        PrivacyRule.figure(behaviour: row[1]), PrivacyRule.figure(competency: row[2] as Int),
                    ])
                }
                let release = PrivacyRule.release(anonymous: anonymous, threshold: round[1], earlier: [])
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                try db.execute(
                    sql: "INSERT INTO teamRelease (teamRoundId, release) VALUES (?, ?)",
                    arguments: [round[0] as Int64, String(decoding: try encoder.encode(release), as: UTF8.self)])
            }
        }
        // Columns that nothing read: the suggestion is recomputed from the self-check answers, and a team member's
        // weights come with the profile snapshot.
        migrator.registerMigration("v6: columns nothing reads") { db in
            try db.alter(table: "scan") { t in t.drop(column: "suggestedPreference") }
            try db.alter(table: "teamScore") { t in t.drop(column: "weight") }
        }
        // The newest scan of a teacher in a team is looked up on every import (the newest decides the consent):
        // without this index that is a scan of the whole round per file, quadratic in a large team.
        migrator.registerMigration("v7: team scans by teacher") { db in
            try db.create(index: "teamScan_teacher", on: "teamScan", columns: ["teacherKey", "teamRoundId"])
        }
        // 360° feedback: responses without a rater's name, found by the normalised name of the teacher rated; and per
        // teacher and profile the releases of the privacy rule.
        migrator.registerMigration("v8: feedback") { db in
            try db.create(table: "feedbackResponse") { t in
                t.primaryKey("id", .text)
                t.column("subjectKey", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("raterGroup", .text).notNull().check(
                    sql: "raterGroup IN ('leidinggevende', 'collega', 'leerling')")
                t.column("profileId", .text).notNull()
                t.column("date", .text).notNull()
            }
            try db.create(
                index: "feedbackResponse_subject", on: "feedbackResponse", columns: ["subjectKey", "profileId"])
            try db.create(table: "feedbackRating", options: [.withoutRowID]) { t in
                t.column("responseId", .text).notNull().references("feedbackResponse", onDelete: .cascade)
                t.column("behaviourId", .text).notNull()
                t.column("score", .integer).notNull().check(sql: "score BETWEEN 1 AND 4")
                t.primaryKey(["responseId", "behaviourId"])
            }
            try db.create(table: "feedbackRemark", options: [.withoutRowID]) { t in
                t.column("responseId", .text).notNull().references("feedbackResponse", onDelete: .cascade)
                t.column("competencyId", .integer).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["responseId", "competencyId"])
            }
            try db.create(table: "feedbackRelease") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("subjectKey", .text).notNull()
                t.column("profileId", .text).notNull()
                t.column("release", .text).notNull()
            }
        }
        migrator.registerMigration("v9: team feedback releases") { db in
            // What each view of a round's 360° feedback released (`TeamFeedback`): a later view is checked against it.
            try db.create(table: "teamFeedbackRelease") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("teamRoundId", .integer).notNull().indexed().references("teamRound", onDelete: .cascade)
                t.column("release", .text).notNull()
            }
        }
        migrator.registerMigration("v10: invitations and dashboard accounts") { db in
            // `lob serve`: a link's token, a session's cookie and a password are stored only as hashes.
            try db.create(table: "invitation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("team", .text).notNull()
                t.column("round", .text).notNull()
                t.column("name", .text).notNull()
                t.column("profileId", .text).notNull()
                t.column("tokenHash", .text).notNull().unique()
                t.column("csrf", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("expiresAt", .integer).notNull()
                t.column("revokedAt", .integer)
                t.column("closedAt", .integer)
                t.column("startedAt", .integer)
                t.column("finishedAt", .integer)
                // The form's state as last saved (JSON), and the finished scan file (YAML).
                t.column("draft", .text)
                t.column("scan", .text)
            }
            try db.create(index: "invitation_team", on: "invitation", columns: ["team", "round"])
            try db.create(table: "dashboardAccount") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("login", .text).notNull().unique()
                t.column("team", .text).notNull()
                t.column("passwordHash", .text).notNull()
            }
            try db.create(table: "dashboardSession") { t in
                t.primaryKey("tokenHash", .text)
                t.column("accountId", .integer).notNull().references("dashboardAccount", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("expiresAt", .integer).notNull()
            }
        }
        migrator.registerMigration("v11: feedback invitations") { db in
            // A rater's link: about whom, as which group, on which profile. No rater's name is stored at all; his
            // answers are kept here only until he hands them in, and then only as a response with a random id.
            try db.create(table: "feedbackInvitation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("team", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("raterGroup", .text).notNull().check(
                    sql: "raterGroup IN ('leidinggevende', 'collega', 'leerling')")
                t.column("profileId", .text).notNull()
                t.column("tokenHash", .text).notNull().unique()
                t.column("csrf", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("expiresAt", .integer).notNull()
                t.column("revokedAt", .integer)
                t.column("answeredAt", .integer)
                t.column("draft", .text)
            }
            try db.create(index: "feedbackInvitation_team", on: "feedbackInvitation", columns: ["team"])
        }
        migrator.registerMigration("v12: claimed links") { db in
            // A colleague claims his link with a personal code (kept as a slow hash) and binds browsers to it; from
            // then on the link alone opens nothing of his. A link that already held answers when this came cannot be
            // claimed by whoever opens it first: its code matches nothing, and its colleague starts again.
            try db.alter(table: "invitation") { t in
                t.add(column: "codeHash", .text)
                t.add(column: "claimedAt", .integer)
            }
            try db.execute(
                sql: "UPDATE invitation SET codeHash = '' WHERE draft IS NOT NULL OR scan IS NOT NULL")
            try db.create(table: "linkDevice") { t in
                t.primaryKey("tokenHash", .text)
                t.column("invitationId", .integer).notNull().indexed().references("invitation", onDelete: .cascade)
                t.column("csrf", .text).notNull()
                t.column("expiresAt", .integer).notNull()
            }
        }
        migrator.registerMigration("v13: feedback requests") { db in
            // A request for feedback about one colleague's invitation of a round; its raters' links are bound to it
            // and to the browser that opens each first. An answered link is deleted and its request counts one answer
            // more: nothing keeps which link answered, or when. A response carries its request (shared by all its
            // raters) and is shown only behind that colleague's own link.
            try db.create(table: "feedbackRequest") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("team", .text).notNull().indexed()
                t.column("round", .text).notNull()
                t.column("invitationId", .integer).references("invitation", onDelete: .setNull)
                t.column("subject", .text).notNull()
                t.column("raterGroup", .text).notNull()
                t.column("profileId", .text).notNull()
                t.column("asked", .integer).notNull()
                t.column("answered", .integer).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("withdrawnAt", .integer)
            }
            try db.alter(table: "feedbackInvitation") { t in
                t.add(column: "requestId", .integer).references("feedbackRequest", onDelete: .cascade)
                t.add(column: "deviceHash", .text)
            }
            // Links made before: one request per batch, not bound to an invitation (their responses stay with the
            // name, as files' do); answered links are forgotten; a link already opened opens for nobody now.
            try db.execute(
                sql: """
                    INSERT INTO feedbackRequest
                    (team, round, subject, raterGroup, profileId, asked, answered, createdAt, withdrawnAt)
                    SELECT team, '', subject, raterGroup, profileId, count(*), count(answeredAt), createdAt,
                    CASE WHEN count(revokedAt) = count(*) THEN max(revokedAt) END
                    FROM feedbackInvitation GROUP BY team, subject, raterGroup, profileId, createdAt
                    """)
            try db.execute(
                sql: """
                    UPDATE feedbackInvitation SET requestId = (
                    SELECT q.id FROM feedbackRequest q WHERE q.team = feedbackInvitation.team
                    AND q.subject = feedbackInvitation.subject AND q.raterGroup = feedbackInvitation.raterGroup
                    AND q.profileId = feedbackInvitation.profileId AND q.createdAt = feedbackInvitation.createdAt)
                    """)
            try db.execute(sql: "DELETE FROM feedbackInvitation WHERE answeredAt IS NOT NULL OR revokedAt IS NOT NULL")
            try db.execute(sql: "UPDATE feedbackInvitation SET deviceHash = '' WHERE draft IS NOT NULL")
            try db.alter(table: "feedbackResponse") { t in
                t.add(column: "requestId", .integer).indexed()
            }
            try db.alter(table: "feedbackRelease") { t in
                t.add(column: "invitationId", .integer)
            }
        }
        migrator.registerMigration("v14: invitation addresses") { db in
            // Where a colleague's link was mailed, so that a new link goes to him and not through the teamvoorzitter.
            try db.alter(table: "invitation") { t in t.add(column: "address", .text) }
        }
        migrator.registerMigration("v15: handed-in scans among the scans") { db in
            // A scan handed in through a link is a scan like any other; the invitation keeps its id. The YAML column
            // stays for scans handed in before, which `lob serve` moves over when it starts.
            try db.alter(table: "invitation") { t in
                t.add(column: "scanId", .integer).references("scan", onDelete: .setNull)
            }
        }
        migrator.registerMigration("v16: failed attempts in the database") { db in
            // The failure limit of `lob serve`, kept where every server behind a proxy sees it.
            try db.create(table: "failedAttempt") { t in
                t.column("name", .text).notNull()
                t.column("at", .integer).notNull()
            }
            try db.create(index: "failedAttempt_key", on: "failedAttempt", columns: ["name", "at"])
            try db.create(index: "failedAttempt_at", on: "failedAttempt", columns: ["at"])
        }
        migrator.registerMigration("v17: the logbook of a plan and the school's evaluation") { db in
            // What a teacher did with his scholingsplan: activities done and his reactions (Kirkpatrick's level 1).
            try db.create(table: "activityDone") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("planScanId", .integer).notNull().indexed().references("scan", onDelete: .cascade)
                t.column("competencyId", .integer).check { $0 >= 1 && $0 <= 7 }
                t.column("formId", .text).notNull()
                t.column("formName", .text).notNull()
                t.column("date", .text).notNull()
                t.column("minutes", .integer).notNull().check { $0 >= 0 && $0 <= 120_000 }
                t.column("cents", .integer).notNull().check { $0 >= 0 && $0 <= 1_000_000_000 }
                t.column("satisfied", .integer).check { $0 >= 1 && $0 <= 5 }
                t.column("usable", .integer).check { $0 >= 1 && $0 <= 5 }
                t.column("remark", .text)
                t.column("reactedOn", .text)
            }
            // What a teacher and his leidinggevende agreed in an ontwikkelgesprek, dated, with his plan.
            try db.create(table: "agreement") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("planScanId", .integer).notNull().indexed().references("scan", onDelete: .cascade)
                t.column("date", .text).notNull()
                t.column("text", .text).notNull()
            }
            // The logbooks teachers hand in to the school, one per teacher and school year (by key; the name only
            // when handed in by name), the release each import decided, and the school's own results (level 4).
            try db.create(table: "yearLogbook") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("schoolYear", .text).notNull()
                t.column("teacherKey", .text).notNull()
                t.column("teacher", .text)
                t.column("date", .text).notNull()
                t.column("body", .text).notNull()
                t.uniqueKey(["schoolYear", "teacherKey"])
            }
            try db.create(table: "yearRelease") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("schoolYear", .text).notNull().indexed()
                t.column("release", .text).notNull()
            }
            try db.create(table: "schoolIndicator") { t in
                t.column("schoolYear", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("value", .text).notNull()
                t.column("unit", .text).notNull()
                t.column("source", .text)
                t.primaryKey(["schoolYear", "position"])
            }
        }
        migrator.registerMigration("v18: follow-up feedback") { db in
            // A follow-up (Kirkpatrick level 3) is shown beside the first view, never mixed into it.
            try db.alter(table: "feedbackResponse") { t in
                t.add(column: "moment", .text).notNull().defaults(to: "nulmeting")
                    .check { ["nulmeting", "vervolg"].contains($0) }
            }
            // A request through the server asks the first feedback or the follow-up; its responses carry it.
            try db.alter(table: "feedbackRequest") { t in
                t.add(column: "moment", .text).notNull().defaults(to: "nulmeting")
                    .check { ["nulmeting", "vervolg"].contains($0) }
            }
        }
        migrator.registerMigration("v19: team activities done") { db in
            // A goal of a team plan done by the team: how many took part, the hours each, the cost; no names.
            try db.create(table: "teamActivityDone") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("team", .text).notNull().indexed()
                t.column("round", .text).notNull()
                t.column("goal", .integer).notNull()
                t.column("competencyId", .integer).notNull().check { $0 >= 1 && $0 <= 7 }
                t.column("formId", .text).notNull()
                t.column("formName", .text).notNull()
                t.column("date", .text).notNull()
                t.column("participants", .integer).notNull().check { $0 >= 1 && $0 <= 1_000 }
                t.column("minutes", .integer).notNull().check { $0 >= 0 && $0 <= 120_000 }
                t.column("cents", .integer).notNull().check { $0 >= 0 && $0 <= 1_000_000_000 }
            }
        }
        return migrator
    }
}
