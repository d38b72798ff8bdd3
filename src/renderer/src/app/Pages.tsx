import { CataloguePage } from '../catalogue/CataloguePage'
import { ExportPage } from '../export/ExportPage'
import { ImportPage } from '../import/ImportPage'
import { IndividualPage } from '../individual/IndividualPage'
import { JobsPage } from '../jobs/JobsPage'
import { ModelsPage } from '../models/ModelsPage'
import { PhotoPage } from '../photo/PhotoPage'
import { ReviewPage } from '../review/ReviewPage'
import type { Route } from '../router/routes'
import { MapsPage } from '../views/MapsPage'

export function Pages({ route }: { route: Route }) {
  switch (route.page) {
    case 'catalogue':
      return <CataloguePage tab={route.tab} filter={route.filter} />
    case 'individual':
      return <IndividualPage key={route.id} id={route.id} />
    case 'photo':
      return <PhotoPage key={route.id} id={route.id} />
    case 'import':
      return <ImportPage />
    case 'export':
      return <ExportPage />
    case 'jobs':
      return <JobsPage />
    case 'review':
      return <ReviewPage />
    case 'models':
      return <ModelsPage />
    case 'maps':
      return <MapsPage tab={route.tab} filter={route.filter} />
  }
}
