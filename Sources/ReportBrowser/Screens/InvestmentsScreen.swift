import ReportCore

/// Investeringar: nämndens investeringar and the samhällsbyggnadsprojekt, grouped by project
/// type and område; groups fold with Enter.
enum InvestmentsScreen {
    static func build(_ context: BuildContext) -> ViewModel {
        let investments = context.data.report.investments
        var model = ViewModel()
        let options = FinancialTableWidget.Options(collapsible: true)
        model.append(Parts.heading("\(investments.board.title) (\(investments.board.unit))"))
        FinancialTableWidget.append(.boardInvestments, to: &model, context: context, options: options)
        model.blank()
        FinancialTableWidget.appendDeviationBars(.boardInvestments, to: &model, context: context)
        model.blank()
        model.append(Parts.heading("\(investments.urbanDevelopment.title) (\(investments.urbanDevelopment.unit))"))
        FinancialTableWidget.append(.urbanDevelopment, to: &model, context: context, options: options)
        model.append(contentsOf: TextsScreen.links(group: "Investeringar", title: "Kommentarer", context: context))
        return model
    }
}
