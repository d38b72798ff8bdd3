import { useState } from 'react'
import { Button } from '@mantine/core'
import { useAppInfo } from '../app/AppInfoContext'

/** In a browser, asks once to show system notifications when long jobs end in a hidden tab. */
export function NotifyButton() {
  const { info } = useAppInfo()
  const supported = typeof window !== 'undefined' && 'Notification' in window
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied')
  if (info.host !== 'web' || !supported || permission !== 'default') return null
  return (
    <Button
      variant="light"
      size="xs"
      w="fit-content"
      onClick={() => void Notification.requestPermission().then(setPermission)}
      data-testid="allow-notifications"
    >
      Notify me when long jobs end
    </Button>
  )
}
