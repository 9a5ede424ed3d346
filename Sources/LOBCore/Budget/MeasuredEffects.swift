/// The budget's effects taken from a school year's evaluation: per form whose goals the evaluation shows, the levels
/// its participants' competency rose per measured goal, in place of the catalogue's assumed `effect`; every other form
/// keeps its assumption, and the report says which is which.
///
/// Only figures the evaluation shows are used (its groups of forms passed the privacy rule there), and the measured
/// effect is a mean over a group, so the budget tells no more about anyone than the evaluation does.
public struct MeasuredEffects: Sendable, Hashable {
    public struct Measured: Sendable, Hashable {
        public let form: ActivityForm.ID
        public let name: String
        public let assumed: Double
        public let measured: Double
        /// The goals the measured effect is the mean of.
        public let goals: Int
    }

    /// The school year the effects were measured in.
    public let schoolYear: String
    /// The catalogue's forms with a measured effect, in catalogue order.
    public let measured: [Measured]
    /// The catalogue's forms that keep their assumed effect: not done that year, or its goals not shown.
    public let assumed: [ActivityForm]
    /// Of those, the ones done that year whose effect the evaluation does not show (too few teachers, or no goal
    /// measured).
    public let notShown: [ActivityForm]

    public init(_ evaluation: SchoolEvaluation, catalogue: ActivityCatalogue) {
        schoolYear = evaluation.schoolYear
        var effects: [ActivityForm.ID: (effect: Double, goals: Int)] = [:]
        var done = Set<ActivityForm.ID>()
        for line in evaluation.lines {
            guard case .form(let form) = line.group else { continue }
            done.insert(form)
            if let figures = line.figures, let effect = figures.measuredEffect {
                effects[form] = (effect, figures.goalsMeasured)
            }
        }
        measured = catalogue.forms.compactMap { form in
            effects[form.id].map {
                Measured(form: form.id, name: form.name, assumed: form.effect, measured: $0.effect, goals: $0.goals)
            }
        }
        assumed = catalogue.forms.filter { effects[$0.id] == nil }
        notShown = assumed.filter { done.contains($0.id) }
    }

    /// The catalogue with the measured effects in place of the assumed ones (rounded to hundredths, as shown).
    public func apply(to catalogue: ActivityCatalogue) -> ActivityCatalogue {
        var result = catalogue
        for index in result.forms.indices {
            if let entry = measured.first(where: { $0.form == result.forms[index].id }) {
                result.forms[index].effect = (entry.measured * 100).rounded() / 100
            }
        }
        return result
    }
}
